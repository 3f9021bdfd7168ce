// Package version orders package versions the way each ecosystem does, so
// that an installed version can be placed inside the ranges of an OSV record.
// Ecosystems are named as in OSV ("Debian", "Alpine:v3.10", "PyPI", "Go");
// a release suffix after the first colon is ignored.
package version

import (
	"errors"
	"fmt"
	"strings"
)

// MaxLength bounds a version string: real versions are well under a hundred
// bytes, and the orderings below walk the whole string.
const MaxLength = 256

// ErrUnsupported is returned for an ecosystem whose ordering customs does not
// know.
var ErrUnsupported = errors.New("unsupported ecosystem")

// comparer orders two versions of one ecosystem.
type comparer func(a, b string) (int, error)

// lookup returns the ordering of a base ecosystem name.
func lookup(ecosystem string) comparer {
	switch ecosystem {
	case "Debian", "Ubuntu":
		return compareDebian
	case "Alpine":
		return compareAlpine
	case "Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE", "Mageia":
		return compareRPM
	case "npm":
		return compareSemVer
	case "PyPI":
		return comparePyPI
	case "Maven":
		return compareMaven
	case "RubyGems":
		return compareRubyGems
	case "Go":
		return compareGo
	case "crates.io":
		return compareSemVer
	case "NuGet":
		return compareNuGet
	}
	return nil
}

// Supported reports whether Compare knows the ordering of ecosystem, given
// with or without its release suffix.
func Supported(ecosystem string) bool {
	return lookup(base(ecosystem)) != nil
}

// Compare orders versions a and b of ecosystem: -1 when a sorts before b,
// 0 when they are equal, +1 when a sorts after b. It fails for an unsupported
// ecosystem and for versions that the ecosystem cannot read.
func Compare(ecosystem, a, b string) (int, error) {
	eco := base(ecosystem)
	cmp := lookup(eco)
	if cmp == nil {
		return 0, fmt.Errorf("comparing versions: %w %q", ErrUnsupported, ecosystem)
	}
	if len(a) > MaxLength || len(b) > MaxLength {
		return 0, fmt.Errorf("comparing %s versions: version longer than %d bytes", eco, MaxLength)
	}
	c, err := cmp(a, b)
	if err != nil {
		return 0, fmt.Errorf("comparing %s versions: %w", eco, err)
	}
	return c, nil
}

// base strips an OSV release suffix: "Alpine" for "Alpine:v3.10". It mirrors
// osv.BaseEcosystem, which this package cannot import without a cycle.
func base(ecosystem string) string {
	b, _, _ := strings.Cut(ecosystem, ":")
	return b
}
