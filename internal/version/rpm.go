package version

import "strings"

// compareRPM orders [epoch:]version[-release] strings as rpm does, for Red
// Hat, Rocky Linux, AlmaLinux, SUSE, openSUSE and Mageia. Every string is
// readable: an epoch that is not all digits is taken as part of the version
// (real epochs are numbers, but some records carry odd strings), and a
// missing release sorts before any release.
func compareRPM(a, b string) (int, error) {
	ea, va, ra, hasA := splitRPM(a)
	eb, vb, rb, hasB := splitRPM(b)
	if c := rpmvercmp(ea, eb); c != 0 {
		return c, nil
	}
	if c := rpmvercmp(va, vb); c != 0 {
		return c, nil
	}
	switch {
	case hasA && !hasB:
		return 1, nil
	case !hasA && hasB:
		return -1, nil
	}
	return rpmvercmp(ra, rb), nil
}

// splitRPM splits s into epoch ("0" when absent), version and release.
func splitRPM(s string) (epoch, ver, release string, hasRelease bool) {
	epoch, ver, ok := strings.Cut(s, ":")
	if !ok || !allDigits(epoch) {
		epoch, ver = "0", s
	}
	ver, release, hasRelease = strings.Cut(ver, "-")
	return epoch, ver, release, hasRelease
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
