package report

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes r as indented JSON, the stable format documented in
// docs/report-schema.md.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("writing JSON report: %w", err)
	}
	return nil
}

// ReadJSON reads a report written by WriteJSON, bounded to max bytes.
func ReadJSON(r io.Reader, max int64) (*Report, error) {
	dec := json.NewDecoder(io.LimitReader(r, max))
	var rep Report
	if err := dec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("reading JSON report: %w", err)
	}
	return &rep, nil
}
