package typosquat

import "strings"

// maxSkeleton bounds the input of Skeleton: names longer than any valid
// reference component are cut.
const maxSkeleton = 512

// glyphs maps single characters to the Latin letter they are mistaken for:
// leetspeak digits, and Cyrillic and Greek letters that look like Latin ones.
// 'i' and '1' fold to 'l' because l, I and 1 look alike in most fonts.
var glyphs = map[rune]rune{
	'0': 'o', '1': 'l', 'i': 'l', '!': 'l', '|': 'l', '3': 'e', '4': 'a', '@': 'a', '5': 's', '$': 's',
	'7': 't', '8': 'b', '9': 'g',
	// Cyrillic
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
	'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'l', 'ї': 'l', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'ɡ': 'g', 'һ': 'h', 'п': 'n', 'г': 'r',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'l', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
	'υ': 'u', 'χ': 'x', 'ω': 'w', 'γ': 'y',
}

// pairs are two-letter sequences read as one letter at a glance.
var pairs = strings.NewReplacer("rn", "m", "vv", "w", "cl", "d")

// Skeleton returns the form of a name that looks-alike names share: lower
// case, lookalike characters folded to Latin letters, and rn, vv and cl
// read as m, w and d. Two different names with the same skeleton are
// homoglyphs of each other.
func Skeleton(s string) string {
	if len(s) > maxSkeleton {
		s = s[:maxSkeleton]
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if g, ok := glyphs[r]; ok {
			r = g
		}
		b.WriteRune(r)
	}
	return pairs.Replace(b.String())
}

// stripSeparators removes the separators of a name: "eclipse_temurin" and
// "eclipse-temurin" differ only there.
func stripSeparators(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' {
			return -1
		}
		return r
	}, s)
}

// ascii reports whether s is printable ASCII only.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
