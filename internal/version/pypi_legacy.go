package version

import (
	"strings"
)

// legacyKey is packaging's LegacyVersion sort key (packaging < 22): the
// lower-cased version cut into runs of digits, runs of letters, "." and "-",
// with whatever lies between kept as is; numbers are zero-padded to eight
// digits and words prefixed with "*", with a few spellings normalised, and
// trailing zeros and "final-" markers dropped before each word.
func legacyKey(s string) []string {
	var parts []string
	for _, part := range legacyParts(strings.ToLower(s)) {
		if strings.HasPrefix(part, "*") {
			if part < "*final" {
				for len(parts) > 0 && parts[len(parts)-1] == "*final-" {
					parts = parts[:len(parts)-1]
				}
			}
			for len(parts) > 0 && parts[len(parts)-1] == "00000000" {
				parts = parts[:len(parts)-1]
			}
		}
		parts = append(parts, part)
	}
	return parts
}

// legacyParts splits s as packaging's _parse_version_parts does, ending
// with "*final".
func legacyParts(s string) []string {
	var parts []string
	add := func(p string) {
		switch p {
		case "", ".":
			return
		case "pre", "preview", "rc":
			p = "c"
		case "-":
			p = "final-"
		case "dev":
			p = "@"
		}
		if isDigit(p[0]) {
			if len(p) < 8 {
				p = strings.Repeat("0", 8-len(p)) + p
			}
			parts = append(parts, p)
			return
		}
		parts = append(parts, "*"+p)
	}
	start := 0 // start of the unmatched text before the current run
	for i := 0; i < len(s); {
		var end int
		switch c := s[i]; {
		case isDigit(c):
			end = runEnd(s, i, isDigit)
		case 'a' <= c && c <= 'z':
			end = runEnd(s, i, isLower)
		case c == '.' || c == '-':
			end = i + 1
		default:
			i++
			continue
		}
		add(s[start:i])
		add(s[i:end])
		i, start = end, end
	}
	add(s[start:])
	parts = append(parts, "*final")
	return parts
}

// isLower reports whether c is an ASCII lower-case letter.
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// compareLegacy orders two legacy keys as Python orders tuples of strings.
func compareLegacy(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := strings.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return compareInt(len(a), len(b))
}
