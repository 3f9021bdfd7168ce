package apk

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/customs-oss/customs/internal/facts"
)

// Bounds on a hostile database. A large Alpine system has a few hundred
// packages whose kept fields are a few dozen bytes.
const (
	maxPackages = 200_000
	maxLine     = 1 << 20
	maxValue    = 4 << 10
)

// block holds the fields of one package the extractor keeps; the file
// lists, checksums and dependencies are skipped without copying.
type block struct {
	line                                 int // where the block starts, from 1
	name, version, arch, origin, license string
}

// packages reads the database: one "K:value" line per field, a blank
// line after each package (CRLF tolerated). A block naming no package or
// version is reported in the error and the others listed; a malformed
// line or a bound exceeded ends the read with the packages before it.
func packages(data []byte) ([]facts.Package, error) {
	var pkgs []facts.Package
	var errs []error
	var cur block
	open := false
	flush := func() error {
		if !open {
			return nil
		}
		open = false
		if cur.name == "" || cur.version == "" {
			errs = append(errs, fmt.Errorf("package at line %d: no P: name or V: version", cur.line))
			return nil
		}
		if len(pkgs) == maxPackages {
			return fmt.Errorf("more than %d packages", maxPackages)
		}
		pkgs = append(pkgs, cur.pkg())
		return nil
	}
	for n := 1; len(data) > 0; n++ {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if len(line) > maxLine {
			return pkgs, errors.Join(append(errs, fmt.Errorf("line %d: longer than %d bytes", n, maxLine))...)
		}
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 {
			if err := flush(); err != nil {
				return pkgs, errors.Join(append(errs, err)...)
			}
			continue
		}
		if len(line) < 2 || line[1] != ':' {
			return pkgs, errors.Join(append(errs, fmt.Errorf("line %d: %q is not a K:value field", n, truncate(line)))...)
		}
		if !open {
			cur, open = block{line: n}, true
		}
		if err := cur.set(line[0], line[2:]); err != nil {
			return pkgs, errors.Join(append(errs, fmt.Errorf("line %d: %w", n, err))...)
		}
	}
	if err := flush(); err != nil {
		errs = append(errs, err)
	}
	return pkgs, errors.Join(errs...)
}

// set records the field key:value if the extractor keeps it.
func (b *block) set(key byte, value []byte) error {
	var dst *string
	switch key {
	case 'P':
		dst = &b.name
	case 'V':
		dst = &b.version
	case 'A':
		dst = &b.arch
	case 'o':
		dst = &b.origin
	case 'L':
		dst = &b.license
	default:
		return nil
	}
	if len(value) > maxValue {
		return fmt.Errorf("field %c: longer than %d bytes", key, maxValue)
	}
	*dst = string(value)
	return nil
}

// pkg is the package the block describes. Subpackages are built from
// their origin's source at the same version, so the origin's version is
// the package's.
func (b *block) pkg() facts.Package {
	p := facts.Package{Type: "apk", Name: b.name, Version: b.version, Arch: b.arch}
	if b.origin != "" {
		p.Source, p.SourceVersion = b.origin, b.version
	}
	if b.license != "" {
		p.Licenses = []string{b.license}
	}
	return p
}

// truncate shortens b for an error message.
func truncate(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}
