package version

import "strings"

// rpmvercmp is rpm's segment comparison (lib/rpmvercmp.c): strings are cut
// into runs of ASCII digits and runs of ASCII letters, everything else
// separating them; numbers compare numerically and beat letters; "~" sorts
// before everything, even the end of the string, and "^" sorts after the
// end of the string but before anything else.
func rpmvercmp(a, b string) int {
	if a == b {
		return 0
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		i = skipRPMSeparators(a, i)
		j = skipRPMSeparators(b, j)
		ta, tb := byteAt(a, i), byteAt(b, j)
		if ta == '~' || tb == '~' {
			if ta != '~' {
				return 1
			}
			if tb != '~' {
				return -1
			}
			i, j = i+1, j+1
			continue
		}
		if ta == '^' || tb == '^' {
			switch {
			case i == len(a):
				return -1
			case j == len(b):
				return 1
			case ta != '^':
				return 1
			case tb != '^':
				return -1
			}
			i, j = i+1, j+1
			continue
		}
		if i == len(a) || j == len(b) {
			break
		}
		class := isLetter
		if isDigit(a[i]) {
			class = isDigit
		}
		si, sj := runEnd(a, i, class), runEnd(b, j, class)
		if sj == j {
			// b's segment is of the other kind: numbers are newer.
			if isDigit(a[i]) {
				return 1
			}
			return -1
		}
		sa, sb := a[i:si], b[j:sj]
		if isDigit(a[i]) {
			if c := compareDigits(sa, sb); c != 0 {
				return c
			}
		} else if c := strings.Compare(sa, sb); c != 0 {
			return c
		}
		i, j = si, sj
	}
	switch {
	case i >= len(a) && j >= len(b):
		return 0
	case i >= len(a):
		return -1
	}
	return 1
}

// skipRPMSeparators advances past bytes that are neither ASCII letters,
// digits, "~" nor "^".
func skipRPMSeparators(s string, i int) int {
	for i < len(s) && !isDigit(s[i]) && !isLetter(s[i]) && s[i] != '~' && s[i] != '^' {
		i++
	}
	return i
}
