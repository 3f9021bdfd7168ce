package dpkg

import (
	"bytes"
	"fmt"
)

// Bounds on a hostile database. A status file of a large Debian system
// holds a few thousand stanzas whose kept fields are a few dozen bytes.
const (
	maxStanzas = 200_000
	maxLine    = 1 << 20
	maxValue   = 1 << 10
)

// stanza holds the fields of one package the extractor keeps; the others
// (dependencies, descriptions, conffiles) are skipped without copying.
type stanza struct {
	line                               int // where the stanza starts, from 1
	pkg, version, arch, source, status string
	hasStatus                          bool
}

// parseStanzas reads the RFC 822-style stanzas of data: "Field: value"
// lines, continuation lines starting with a space or tab, stanzas
// separated by blank lines, CRLF line ends tolerated. It calls fn with
// each stanza in order and stops at the first error fn returns or at a
// line or stanza count beyond the bounds.
func parseStanzas(data []byte, fn func(stanza) error) error {
	var cur stanza
	open, count := false, 0
	flush := func() error {
		if !open {
			return nil
		}
		open = false
		count++
		if count > maxStanzas {
			return fmt.Errorf("more than %d stanzas", maxStanzas)
		}
		return fn(cur)
	}
	for n := 1; len(data) > 0; n++ {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if len(line) > maxLine {
			return fmt.Errorf("line %d: longer than %d bytes", n, maxLine)
		}
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			// A continuation of a multi-line field, or a comment
			// (deb822 allows them): no field the extractor keeps spans
			// lines.
			continue
		}
		if !open {
			cur, open = stanza{line: n}, true
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return fmt.Errorf("line %d: %q is neither a field nor a continuation", n, truncate(line))
		}
		if err := cur.set(name, bytes.TrimSpace(value), n); err != nil {
			return err
		}
	}
	return flush()
}

// set records the field name: value if the extractor keeps it.
func (s *stanza) set(name, value []byte, n int) error {
	var dst *string
	switch {
	case bytes.EqualFold(name, []byte("Package")):
		dst = &s.pkg
	case bytes.EqualFold(name, []byte("Version")):
		dst = &s.version
	case bytes.EqualFold(name, []byte("Architecture")):
		dst = &s.arch
	case bytes.EqualFold(name, []byte("Source")):
		dst = &s.source
	case bytes.EqualFold(name, []byte("Status")):
		dst, s.hasStatus = &s.status, true
	default:
		return nil
	}
	if len(value) > maxValue {
		return fmt.Errorf("line %d: field %s longer than %d bytes", n, name, maxValue)
	}
	*dst = string(value)
	return nil
}

// truncate shortens b for an error message.
func truncate(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}
