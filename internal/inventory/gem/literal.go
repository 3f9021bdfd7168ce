package gem

import "strings"

// literals returns up to n Ruby string literals found in s, in order:
// "double", 'single' and %q / %Q / % forms with any bracket pair. An
// unterminated literal ends the scan.
func literals(s string, n int) []string {
	var out []string
	for len(out) < n {
		i := strings.IndexAny(s, `"'%`)
		if i < 0 {
			break
		}
		var (
			lit  string
			rest string
			ok   bool
		)
		switch s[i] {
		case '"', '\'':
			lit, rest, ok = quoted(s[i+1:], s[i])
		default:
			if closer(s[i+1:]) == 0 {
				s = s[i+1:] // a % that starts no literal
				continue
			}
			lit, rest, ok = percent(s[i+1:])
		}
		if !ok {
			break
		}
		out = append(out, lit)
		s = rest
	}
	return out
}

// quoted reads up to the closing quote q, dropping backslashes before
// escaped characters.
func quoted(s string, q byte) (lit, rest string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == q:
			return b.String(), s[i+1:], true
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

// closer returns the bracket that closes the %-literal starting at s
// (just after the %), or 0 when s starts none.
func closer(s string) byte {
	if len(s) > 0 && (s[0] == 'q' || s[0] == 'Q') {
		s = s[1:]
	}
	if len(s) == 0 {
		return 0
	}
	switch s[0] {
	case '{':
		return '}'
	case '(':
		return ')'
	case '[':
		return ']'
	case '<':
		return '>'
	}
	return 0
}

// percent reads %q{...}, %Q(...), %{...}, %q<...> or %q[...], after the %.
func percent(s string) (lit, rest string, ok bool) {
	end := closer(s)
	if s[0] == 'q' || s[0] == 'Q' {
		s = s[1:]
	}
	depth := 0
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			depth++
		case end:
			if depth == 0 {
				return s[1:i], s[i+1:], true
			}
			depth--
		}
	}
	return "", "", false
}
