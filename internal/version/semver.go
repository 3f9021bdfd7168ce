package version

import (
	"fmt"
	"strings"
)

// semver is a Semantic Versioning 2.0 version read leniently, the way OSV
// evaluates SEMVER ranges: an optional "v", one to three numbers (missing
// ones are zero, numbers of any size), an optional "-" pre-release and an
// optional "+" build. Numbers after the third are treated as build metadata.
type semver struct {
	core [3]string
	pre  []string // nil for a release
}

// parseSemver reads s, failing when it does not start with a number.
func parseSemver(s string) (semver, error) {
	var v semver
	rest := strings.TrimPrefix(s, "v")
	n := 0
	for ; n < 3; n++ {
		end := runEnd(rest, 0, isDigit)
		if end == 0 {
			return v, fmt.Errorf("%q is not a semantic version", s)
		}
		v.core[n], rest = rest[:end], rest[end:]
		if n == 2 || !strings.HasPrefix(rest, ".") {
			break
		}
		rest = rest[1:]
	}
	for i := n + 1; i < len(v.core); i++ {
		v.core[i] = "0"
	}
	rest, _, _ = strings.Cut(rest, "+")
	switch {
	case rest == "":
	case rest[0] == '-':
		v.pre = strings.Split(rest[1:], ".")
	case rest[0] == '.' && n == 2:
		// "1.2.3.4": numbers after the third are build metadata.
	default:
		return v, fmt.Errorf("%q is not a semantic version", s)
	}
	return v, nil
}

// compare orders v and w by precedence: build metadata is ignored, a
// pre-release sorts before its release, and pre-release identifiers compare
// numerically when both are numbers, numbers before words otherwise.
func (v semver) compare(w semver) int {
	for i := range v.core {
		if c := compareDigits(v.core[i], w.core[i]); c != 0 {
			return c
		}
	}
	return comparePrerelease(v.pre, w.pre)
}

// comparePrerelease orders two pre-release identifier lists, nil standing
// for a release, which sorts after all of its pre-releases.
func comparePrerelease(a, b []string) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := compareIdentifier(a[i], b[i]); c != 0 {
			return c
		}
	}
	return compareInt(len(a), len(b))
}

// compareIdentifier orders two pre-release identifiers.
func compareIdentifier(a, b string) int {
	na, nb := allDigits(a), allDigits(b)
	switch {
	case na && nb:
		return compareDigits(a, b)
	case na:
		return -1
	case nb:
		return 1
	}
	return strings.Compare(a, b)
}

// compareInt orders two ints.
func compareInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareSemVer orders semantic versions, as npm and crates.io use them.
func compareSemVer(a, b string) (int, error) {
	va, err := parseSemver(a)
	if err != nil {
		return 0, err
	}
	vb, err := parseSemver(b)
	if err != nil {
		return 0, err
	}
	return va.compare(vb), nil
}

// CompareSemVer orders a and b by Semantic Versioning precedence, as OSV's
// SEMVER ranges require whatever the ecosystem; see semver for how leniently
// versions are read.
func CompareSemVer(a, b string) (int, error) {
	if len(a) > MaxLength || len(b) > MaxLength {
		return 0, fmt.Errorf("comparing semantic versions: version longer than %d bytes", MaxLength)
	}
	c, err := compareSemVer(a, b)
	if err != nil {
		return 0, fmt.Errorf("comparing semantic versions: %w", err)
	}
	return c, nil
}
