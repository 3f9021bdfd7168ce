package version

import "strings"

// apkVersion is an Alpine package version,
// number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}, as described
// in apk-package(5). Whatever cannot be read that way is kept in rest and
// ordered after the parts that could.
type apkVersion struct {
	numbers  []string
	letter   byte // 0 when absent
	suffixes []apkSuffix
	revision string // digits after "-r", "" when absent
	rest     string
	// badRevision marks a rest that starts where the revision should be
	// ("1-r0-1", "1-ruff"): apk stops reading there, so such rests are all
	// equal.
	badRevision bool
}

// apkSuffix is one "_rc2"-style suffix: its rank and its number.
type apkSuffix struct {
	rank   int
	number string
}

// apkSuffixes are the known suffixes in ascending order; a version without
// a suffix ranks between "rc" and "cvs", at apkNoSuffix.
var apkSuffixes = [...]string{"alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"}

// apkNoSuffix is the rank of a missing suffix.
const apkNoSuffix = 4

// parseAPK reads s; it never fails, as apk itself orders any string.
func parseAPK(s string) apkVersion {
	var v apkVersion
	for {
		end := runEnd(s, 0, isDigit)
		if end == 0 {
			break
		}
		v.numbers = append(v.numbers, s[:end])
		s = s[end:]
		if len(s) < 2 || s[0] != '.' || !isDigit(s[1]) {
			break
		}
		s = s[1:]
	}
	if len(v.numbers) > 0 && s != "" && 'a' <= s[0] && s[0] <= 'z' {
		v.letter, s = s[0], s[1:]
	}
	for len(v.numbers) > 0 && strings.HasPrefix(s, "_") {
		suf, rest, ok := cutAPKSuffix(s[1:])
		if !ok {
			break
		}
		v.suffixes, s = append(v.suffixes, suf), rest
	}
	if len(v.numbers) > 0 && strings.HasPrefix(s, "~") {
		// A commit hash says where the package was built from; apk does not
		// order by it.
		end := runEnd(s, 1, isLowerHex)
		if end > 1 {
			s = s[end:]
		}
	}
	if len(v.numbers) > 0 && strings.HasPrefix(s, "-") {
		if r, ok := strings.CutPrefix(s, "-r"); ok {
			end := runEnd(r, 0, isDigit)
			v.revision, s = r[:end], r[end:]
		}
		v.badRevision = s != ""
	}
	v.rest = s
	return v
}

// cutAPKSuffix reads one suffix name and number from s (after its "_").
func cutAPKSuffix(s string) (apkSuffix, string, bool) {
	for i, name := range apkSuffixes {
		if rest, ok := strings.CutPrefix(s, name); ok {
			rank := i
			if i >= apkNoSuffix {
				rank = i + 1
			}
			end := runEnd(rest, 0, isDigit)
			return apkSuffix{rank: rank, number: rest[:end]}, rest[end:], true
		}
	}
	return apkSuffix{}, s, false
}

// isLowerHex reports whether c is a lower-case hexadecimal digit.
func isLowerHex(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' }
