// Package python lists the Python distributions installed in an image,
// from the core metadata each installer leaves beside them: a wheel's
// *.dist-info/METADATA, setuptools' *.egg-info/PKG-INFO (or a single
// *.egg-info file, as distutils and Debian's packages write it), and an
// egg's EGG-INFO/PKG-INFO.
package python

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// metadataLimit bounds a metadata file: its long description is the
// project's README, rarely over 100 KiB.
const metadataLimit = 1 << 20

// Metadata reads installed distributions' core metadata.
type Metadata struct{}

// New returns the reader of Python distribution metadata.
func New() *Metadata { return &Metadata{} }

// Name names the reader in Package.Via.
func (*Metadata) Name() string { return "python" }

// Version changes whenever what Extract returns changes.
func (*Metadata) Version() int { return 1 }

// Limit is metadataLimit for a metadata file, wherever it is installed
// (site-packages, dist-packages, a virtual environment), and 0 for any
// other file.
func (*Metadata) Limit(e *facts.Entry) int64 {
	if isMetadata(e.Path) {
		return metadataLimit
	}
	return 0
}

// Extract returns the distribution the metadata describes, its name as
// written.
func (*Metadata) Extract(_ context.Context, _ *facts.Entry, data []byte) ([]facts.Package, error) {
	m, err := parseMetadata(data)
	if err != nil {
		return nil, fmt.Errorf("reading core metadata: %w", err)
	}
	return []facts.Package{{Type: "pypi", Name: m.name, Version: m.version, Licenses: m.licenses()}}, nil
}

// isMetadata reports whether p is a core metadata file.
func isMetadata(p string) bool {
	if strings.HasSuffix(p, ".egg-info") {
		return true
	}
	dir, base := split(p)
	_, parent := split(dir)
	switch base {
	case "METADATA":
		return strings.HasSuffix(parent, ".dist-info")
	case "PKG-INFO":
		return strings.HasSuffix(parent, ".egg-info") || parent == "EGG-INFO"
	}
	return false
}

// split cuts p at its last slash, without allocating.
func split(p string) (dir, base string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
