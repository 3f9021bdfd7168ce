package vulndb

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/customs-oss/customs/internal/osv"
)

// maxStoredRecord bounds the decompressed size of a stored record, so a
// tampered file cannot make a lookup allocate without limit.
const maxStoredRecord = 2 * osv.MaxRecordSize

// encode compacts a record's JSON and compresses it: the pretty-printed
// records of OSV's archives shrink to about a fifth.
func (db *DB) encode(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, fmt.Errorf("compacting record: %w", err)
	}
	return db.enc.EncodeAll(buf.Bytes(), nil), nil
}

// decode reverses encode and parses the record.
func (db *DB) decode(data []byte) (*osv.Vulnerability, error) {
	raw, err := db.dec.DecodeAll(data, nil)
	if err != nil {
		return nil, fmt.Errorf("decompressing stored record: %w", err)
	}
	if len(raw) > maxStoredRecord {
		return nil, fmt.Errorf("stored record of %d bytes is over the %d byte limit", len(raw), maxStoredRecord)
	}
	return osv.Parse(raw)
}
