// Package gem lists the Ruby gems installed in an image, from the
// specification RubyGems writes for each installed gem:
// <gem home>/specifications/<name>-<version>.gemspec, and the default gems
// shipped with Ruby under specifications/default/.
package gem

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// specLimit bounds a gemspec: the file list of the largest gems makes
// them tens of KiB.
const specLimit = 256 << 10

// Specs reads installed gem specifications.
type Specs struct{}

// New returns the reader of installed gem specifications.
func New() *Specs { return &Specs{} }

// Name names the reader in Package.Via.
func (*Specs) Name() string { return "gem" }

// Version changes whenever what Extract returns changes.
func (*Specs) Version() int { return 1 }

// Limit is specLimit for a .gemspec in a specifications directory, and 0
// for any other file: a gemspec in a source tree is not an installed gem.
func (*Specs) Limit(e *facts.Entry) int64 {
	if isSpec(e.Path) {
		return specLimit
	}
	return 0
}

// Extract returns the gem the specification describes.
func (*Specs) Extract(_ context.Context, _ *facts.Entry, data []byte) ([]facts.Package, error) {
	s, err := parseSpec(data)
	if err != nil {
		return nil, fmt.Errorf("reading gemspec: %w", err)
	}
	return []facts.Package{{Type: "gem", Name: s.name, Version: s.version, Licenses: s.licenses}}, nil
}

// isSpec reports whether p is specifications/<x>.gemspec or
// specifications/default/<x>.gemspec.
func isSpec(p string) bool {
	if !strings.HasSuffix(p, ".gemspec") {
		return false
	}
	dir, _ := split(p)
	up, parent := split(dir)
	if parent == "default" {
		_, parent = split(up)
	}
	return parent == "specifications"
}

// split cuts p at its last slash, without allocating.
func split(p string) (dir, base string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
