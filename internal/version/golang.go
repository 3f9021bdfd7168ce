package version

import (
	"fmt"
	"strings"
)

// compareGo orders Go module versions ("v1.2.3", pseudo-versions such as
// "v0.0.0-20200101000000-abcdef123456", "+incompatible") and Go toolchain
// versions as found in binaries and in the standard library's records
// ("go1.21.3", "go1.21rc2", or the same without "go").
func compareGo(a, b string) (int, error) {
	va, err := parseGo(a)
	if err != nil {
		return 0, err
	}
	vb, err := parseGo(b)
	if err != nil {
		return 0, err
	}
	return va.compare(vb), nil
}

// parseGo reads a Go module or toolchain version as semver.
func parseGo(s string) (semver, error) {
	if t, ok := strings.CutPrefix(s, "go"); ok {
		return parseGoToolchain(s, t)
	}
	return parseSemver(s)
}

// parseGoToolchain reads a toolchain version t (without "go"): "1.21",
// "1.21.3", "1.21rc2", "1.9beta1". Go 1.21rc2 becomes 1.21.0-rc.2, as the
// Go vulnerability database writes it.
func parseGoToolchain(s, t string) (semver, error) {
	var v semver
	bad := fmt.Errorf("%q is not a Go version", s)
	for n := 0; n < 3; n++ {
		end := runEnd(t, 0, isDigit)
		if end == 0 {
			return v, bad
		}
		v.core[n], t = t[:end], t[end:]
		if n == 2 || !strings.HasPrefix(t, ".") {
			for i := n + 1; i < 3; i++ {
				v.core[i] = "0"
			}
			break
		}
		t = t[1:]
	}
	if t == "" {
		return v, nil
	}
	for _, kind := range []string{"alpha", "beta", "rc"} {
		if num, ok := strings.CutPrefix(t, kind); ok && allDigits(num) {
			v.pre = []string{kind, num}
			return v, nil
		}
	}
	return v, bad
}
