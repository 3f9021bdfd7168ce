// Package table renders a report as a human-readable text table.
package table

import (
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/report"
)

// Options change how the table looks.
type Options struct {
	// Color adds ANSI colours; callers turn it off for NO_COLOR and non-TTYs.
	Color bool
}

// Write renders r as text.
func Write(w io.Writer, r *report.Report, opt Options) error {
	_, err := fmt.Fprintf(w, "%s: %s (%s)\n", r.Image.Reference, r.Verdict.Decision, r.Verdict.Reason)
	return err
}
