package osrelease

import (
	"errors"
	"fmt"
	"strings"
)

// Limits on an os-release file. The format is a handful of short lines; real
// files are under 1 KiB.
const (
	MaxSize  = 64 << 10
	MaxLines = 1000
)

// ErrTooLarge is returned for input beyond MaxSize or MaxLines.
var ErrTooLarge = errors.New("os-release file too large")

// Parse reads the os-release format of the freedesktop specification:
// KEY=value lines, values optionally in single or double quotes with shell
// style backslash escapes, comments and blank lines ignored. Later
// assignments win. A malformed line is skipped and reported in the error,
// which names the first one; the map still holds every valid assignment, as
// systemd's own reader does.
func Parse(b []byte) (map[string]string, error) {
	if len(b) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(b), MaxSize)
	}
	text := string(b)
	if n := strings.Count(text, "\n"); n > MaxLines {
		return nil, fmt.Errorf("%w: %d lines, limit %d", ErrTooLarge, n, MaxLines)
	}
	out := map[string]string{}
	var first error
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || line[0] == '#' {
			continue
		}
		key, value, err := parseLine(line)
		if err != nil {
			if first == nil {
				first = fmt.Errorf("line %d: %w", i+1, err)
			}
			continue
		}
		out[key] = value
	}
	return out, first
}

// parseLine splits one KEY=value assignment and unquotes its value.
func parseLine(line string) (string, string, error) {
	key, raw, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", fmt.Errorf("no '=' in %q", truncate(line, 40))
	}
	key = strings.TrimSpace(key)
	if !validKey(key) {
		return "", "", fmt.Errorf("invalid variable name %q", truncate(key, 40))
	}
	value, err := unquote(strings.TrimSpace(raw))
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", key, err)
	}
	return key, value, nil
}

// validKey accepts shell variable names: a letter or underscore, then
// letters, digits and underscores.
func validKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// unquote decodes a value the way a POSIX shell would for the subset the
// specification allows: single quotes are literal, double quotes honour
// backslash before $ ` " and \, and outside quotes a backslash escapes any
// character. Quoted and unquoted parts may be concatenated.
func unquote(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 >= len(s) {
				return "", errors.New("trailing backslash")
			}
			i++
			b.WriteByte(s[i])
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return "", errors.New("unterminated single quote")
			}
			b.WriteString(s[i+1 : i+1+end])
			i += end + 1
		case '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) && strings.IndexByte("$`\"\\", s[j+1]) >= 0 {
					j++
				}
				b.WriteByte(s[j])
			}
			if j >= len(s) {
				return "", errors.New("unterminated double quote")
			}
			i = j
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
