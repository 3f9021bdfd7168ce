package osrelease

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/redact"
)

// Bounds on the values Detect copies into the report.
const (
	maxIDLen   = 64
	maxNameLen = 128
)

// clean makes a value from an image safe to print: valid UTF-8, no control
// characters (which could rewrite a terminal), no surrounding space, at most
// max bytes cut on a character boundary.
func clean(s string, max int) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = strings.TrimSpace(s[:cut])
	}
	return s
}

// cleanID normalises an identifier: lower case, as the specification
// requires, and bounded.
func cleanID(s string) string { return strings.ToLower(clean(s, maxIDLen)) }

// cleanName bounds a display name and hides anything that looks like a
// credential, since it is free text chosen by the image's author.
func cleanName(s string) string { return redact.Text(clean(s, maxNameLen)) }
