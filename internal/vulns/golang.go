package vulns

import (
	"errors"
	"strings"
)

// errNotRelease is the reason a development toolchain is not matched: the
// Go database names releases only.
var errNotRelease = errors.New("built with a Go toolchain that is not a release")

// goVersion is the version of a Go module or of the standard library as
// the Go vulnerability database writes it: without "v" or "go", and for
// the toolchain with three numbers and a semver pre-release ("go1.18" is
// "1.18.0", "go1.21rc2" is "1.21.0-rc.2").
func goVersion(module, v string) (string, error) {
	if module != "stdlib" && module != "toolchain" {
		if !strings.HasPrefix(v, "v") || len(v) < 2 || v[1] < '0' || v[1] > '9' {
			return "", errors.New("built from a source tree without a release version, such as (devel)")
		}
		return v[1:], nil
	}
	// Binaries built with experiments say so after a space: "go1.22.5 X:boringcrypto".
	t, _, _ := strings.Cut(strings.TrimPrefix(v, "go"), " ")
	var nums []string
	for len(nums) < 3 {
		end := 0
		for end < len(t) && t[end] >= '0' && t[end] <= '9' {
			end++
		}
		if end == 0 {
			return "", errNotRelease
		}
		nums, t = append(nums, t[:end]), t[end:]
		if !strings.HasPrefix(t, ".") {
			break
		}
		t = t[1:]
	}
	for len(nums) < 3 {
		nums = append(nums, "0")
	}
	out := strings.Join(nums, ".")
	if t == "" {
		return out, nil
	}
	for _, pre := range []string{"rc", "beta", "alpha"} {
		if n, ok := strings.CutPrefix(t, pre); ok && digits(n) {
			return out + "-" + pre + "." + n, nil
		}
	}
	return "", errNotRelease
}
