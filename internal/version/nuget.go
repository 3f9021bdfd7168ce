package version

import (
	"fmt"
	"strings"
)

// nugetVersion is a NuGet version: up to four numbers (missing ones are
// zero), then an optional pre-release, compared without regard to case;
// "+" metadata is ignored.
type nugetVersion struct {
	numbers [4]string
	pre     []string // nil for a release
}

// parseNuGet reads s, failing when it does not start with a number.
func parseNuGet(s string) (nugetVersion, error) {
	var v nugetVersion
	rest, _, _ := strings.Cut(strings.ToLower(s), "+")
	for i := range v.numbers {
		v.numbers[i] = "0"
	}
	for n := 0; n < len(v.numbers); n++ {
		end := runEnd(rest, 0, isDigit)
		if end == 0 {
			return v, fmt.Errorf("%q is not a NuGet version", s)
		}
		v.numbers[n], rest = rest[:end], rest[end:]
		if n == len(v.numbers)-1 || !strings.HasPrefix(rest, ".") {
			break
		}
		rest = rest[1:]
	}
	switch {
	case rest == "":
	case rest[0] == '-':
		v.pre = strings.Split(rest[1:], ".")
	default:
		return v, fmt.Errorf("%q is not a NuGet version", s)
	}
	return v, nil
}

// compareNuGet orders NuGet versions as NuGet's VersionComparer does.
func compareNuGet(a, b string) (int, error) {
	va, err := parseNuGet(a)
	if err != nil {
		return 0, err
	}
	vb, err := parseNuGet(b)
	if err != nil {
		return 0, err
	}
	for i := range va.numbers {
		if c := compareDigits(va.numbers[i], vb.numbers[i]); c != 0 {
			return c, nil
		}
	}
	return comparePrerelease(va.pre, vb.pre), nil
}
