package typosquat

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/official-images.tsv
var officialTSV []byte

//go:embed data/publishers.tsv
var publishersTSV []byte

//go:embed data/registries.tsv
var registriesTSV []byte

// Bounds of a list: the lists are embedded, but the parser is fuzzed and
// may be fed another file.
const (
	maxListSize  = 1 << 20
	maxListLines = 20_000
	maxNameLen   = 255
)

// rows reads a tab-separated list with the given number of columns,
// skipping blank lines and lines starting with #. Fields are lower-cased
// and trimmed.
func rows(what string, data []byte, columns int) ([][]string, error) {
	if len(data) > maxListSize {
		return nil, fmt.Errorf("%s is %d bytes, more than %d", what, len(data), maxListSize)
	}
	var out [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxListSize)
	for n := 1; sc.Scan(); n++ {
		if n > maxListLines {
			return nil, fmt.Errorf("%s has more than %d lines", what, maxListLines)
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < columns {
			return nil, fmt.Errorf("%s line %d: %d columns, want %d", what, n, len(cols), columns)
		}
		cols = cols[:columns]
		for i := range cols {
			cols[i] = strings.ToLower(strings.TrimSpace(cols[i]))
		}
		if !validName(cols[0], true) {
			return nil, fmt.Errorf("%s line %d: %q is not a valid name", what, n, cols[0])
		}
		out = append(out, cols)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	return out, nil
}

// validName accepts the characters of a registry host or repository path:
// lower-case ASCII letters and digits, separators, and slashes when slash
// is true.
func validName(s string, slash bool) bool {
	if s == "" || len(s) > maxNameLen {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' || (slash && r == '/')
		if !ok {
			return false
		}
	}
	return true
}

// Lists is the reference data the detector compares names with.
type Lists struct {
	// Official are the Docker Official Image names, current and removed.
	Official []string
	// Namespaces are well-known publisher namespaces.
	Namespaces []string
	// Repositories are popular "namespace/name" repositories.
	Repositories []string
	// Registries are well-known registry hosts; Single marks those where
	// every name belongs to the operator.
	Registries []Registry
}

// Registry is a well-known registry host.
type Registry struct {
	Host   string
	Single bool
}

// ParseLists reads the three lists: official-images.tsv (name, status),
// publishers.tsv (kind, name, note) and registries.tsv (host, tenancy, note).
func ParseLists(official, publishers, registries []byte) (Lists, error) {
	var l Lists
	off, err := rows("official image list", official, 2)
	if err != nil {
		return l, err
	}
	for _, r := range off {
		if r[1] != "current" && r[1] != "removed" {
			return l, fmt.Errorf("official image list: %q has status %q, want current or removed", r[0], r[1])
		}
		if strings.Contains(r[0], "/") {
			return l, fmt.Errorf("official image list: %q has a slash", r[0])
		}
		l.Official = append(l.Official, r[0])
	}
	pub, err := rows("publisher list", publishers, 2)
	if err != nil {
		return l, err
	}
	for _, r := range pub {
		switch slashes := strings.Count(r[1], "/"); {
		case r[0] == "namespace" && slashes == 0 && validName(r[1], false):
			l.Namespaces = append(l.Namespaces, r[1])
		case r[0] == "repository" && slashes == 1 && validName(r[1], true) && !strings.HasPrefix(r[1], "/") && !strings.HasSuffix(r[1], "/"):
			l.Repositories = append(l.Repositories, r[1])
		default:
			return l, fmt.Errorf("publisher list: %q %q is not a namespace or a namespace/name repository", r[0], r[1])
		}
	}
	reg, err := rows("registry list", registries, 2)
	if err != nil {
		return l, err
	}
	for _, r := range reg {
		if r[1] != "single" && r[1] != "multi" || strings.Contains(r[0], "/") || !strings.Contains(r[0], ".") {
			return l, fmt.Errorf("registry list: %q %q is not a host with tenancy single or multi", r[0], r[1])
		}
		l.Registries = append(l.Registries, Registry{Host: r[0], Single: r[1] == "single"})
	}
	return l, nil
}

// DefaultLists returns the lists shipped with customs.
func DefaultLists() (Lists, error) {
	return ParseLists(officialTSV, publishersTSV, registriesTSV)
}
