package version

import "strings"

// compareAlpine orders apk versions as apk-tools does for every version
// Alpine ships, and gives malformed ones a stable place: they are read as
// far as possible, and what is left over sorts before a clean end and by
// byte value among versions that have a leftover.
func compareAlpine(a, b string) (int, error) {
	return parseAPK(a).compare(parseAPK(b)), nil
}

// compare orders v and w part by part.
func (v apkVersion) compare(w apkVersion) int {
	for i := 0; i < len(v.numbers) || i < len(w.numbers); i++ {
		if c := compareAPKNumber(i, nth(v.numbers, i), nth(w.numbers, i)); c != 0 {
			return c
		}
	}
	if c := compareInt(int(v.letter), int(w.letter)); c != 0 {
		return c
	}
	for i := 0; i < len(v.suffixes) || i < len(w.suffixes); i++ {
		sv, sw := nthSuffix(v.suffixes, i), nthSuffix(w.suffixes, i)
		if c := compareInt(sv.rank, sw.rank); c != 0 {
			return c
		}
		if c := compareDigits(sv.number, sw.number); c != 0 {
			return c
		}
	}
	if c := compareDigits(v.revision, w.revision); c != 0 {
		return c
	}
	if c := compareInt(v.restRank(), w.restRank()); c != 0 || v.badRevision {
		return c
	}
	return strings.Compare(v.rest, w.rest)
}

// compareAPKNumber orders the i-th numbers of two versions. After the first,
// a number with a leading zero is a decimal fraction (1.05 < 1.1 < 1.2), so
// such numbers compare as strings, and before any number without one.
func compareAPKNumber(i int, a, b string) int {
	if i > 0 && (a[0] == '0' || b[0] == '0') {
		return strings.Compare(a, b)
	}
	return compareDigits(a, b)
}

// nth returns s[i], or "0" past the end of s.
func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "0"
}

// nthSuffix returns s[i], or the missing suffix past the end of s.
func nthSuffix(s []apkSuffix, i int) apkSuffix {
	if i < len(s) {
		return s[i]
	}
	return apkSuffix{rank: apkNoSuffix}
}

// restRank places leftovers: unreadable text after the numbers, letter or
// suffixes first, then a malformed revision, then a clean end.
func (v apkVersion) restRank() int {
	switch {
	case v.rest == "":
		return 2
	case v.badRevision:
		return 1
	}
	return 0
}
