package table

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/redact"
)

// clean makes a string from the image safe to print on one line of a
// terminal: line breaks and tabs become spaces, and control characters,
// bidirectional overrides, invalid UTF-8 and other invisible runes are shown
// escaped, so that an image cannot move the cursor, recolour the screen or
// disguise text in the report.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// quote is clean for values: Go-quoted, so that every escape is visible.
func quote(s string) string {
	return strconv.Quote(s)
}

// truncate shortens s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// wrap splits s into lines of at most width runes at spaces. Runs of spaces
// inside a line are kept, so quoted values stay exact. A word longer than
// width (a path, a URL) stays whole on its own line rather than being broken
// where a reader could not copy it.
func wrap(s string, width int) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if utf8.RuneCountInString(s) <= width {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Split(s, " ") {
		wl := utf8.RuneCountInString(w)
		if n > 0 && n+1+wl > width && w != "" {
			lines = append(lines, strings.TrimRight(cur.String(), " "))
			cur.Reset()
			n = 0
		}
		if n > 0 || cur.Len() > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(w)
		n += wl
	}
	if l := strings.TrimRight(cur.String(), " "); l != "" {
		lines = append(lines, l)
	}
	return lines
}

// count formats n with thousands separators: 12,345.
func count(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// shortDigest abbreviates "sha256:<64 hex>" to its algorithm and first 12
// hex digits, enough to tell layers apart and to find them with grep.
func shortDigest(d string) string {
	alg, hex, ok := strings.Cut(d, ":")
	if !ok || len(hex) <= 12 {
		return clean(d)
	}
	return clean(alg + ":" + hex[:12])
}

// plural returns "1 layer", "2 layers".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return count(n) + " " + word + "s"
}

// maxRedact bounds how much of one string is scanned for secrets and shown:
// strings from an image can be megabytes long, and the secret patterns cost
// more than linear time on such input.
const maxRedact = 4096

// redacted is redact.Text over at most maxRedact bytes of s. When s is cut,
// the tail of the redacted text is dropped as well, so that a credential
// split by the cut, which the patterns no longer recognise, is not shown in
// part.
func redacted(s string) string {
	if len(s) <= maxRedact {
		return redact.Text(s)
	}
	// Text after the last replacement is copied verbatim, so a credential
	// cut short at the end of the scanned part ends the output: dropping
	// maxTokenLen runes removes it whatever was replaced before.
	out := []rune(redact.Text(s[:maxRedact]))
	if len(out) <= maxTokenLen {
		return "…"
	}
	return string(out[:len(out)-maxTokenLen]) + "…"
}

// maxTokenLen is longer than any credential redact recognises by its shape.
const maxTokenLen = 300
