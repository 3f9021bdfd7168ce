package secret

import (
	"bytes"

	"github.com/customs-oss/customs/internal/report"
)

// netrcLeaks finds the passwords of a .netrc ("machine host login user
// password secret"), wherever the tokens break lines.
func netrcLeaks(data []byte) []leak {
	var out []leak
	prev := ""
	for off := 0; off < len(data); {
		// Skip blanks, then read one token.
		for off < len(data) && isSpace(data[off]) {
			off++
		}
		start := off
		for off < len(data) && !isSpace(data[off]) {
			off++
		}
		if start == off {
			break
		}
		tok := data[start:off]
		if prev == "password" && !isPlaceholder(string(tok)) {
			out = append(out, leakAt(data, "netrc-password", "a password that curl, git, ftp and pip send to the machine it names", report.SeverityHigh, start, off))
		}
		prev = string(bytes.ToLower(tok))
		if len(prev) > 16 {
			prev = ""
		}
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
