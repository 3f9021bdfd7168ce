package config

import "strings"

// word reads one word: quotes are removed, escapes applied, and substitutions
// parsed into subs while their text is kept as written.
func (l *lexer) word() word {
	var (
		b strings.Builder
		w word
	)
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case strings.IndexByte(" \t\r\n;&|)", c) >= 0:
			w.text = b.String()
			return w
		case c == '<' || c == '>':
			if l.peek(1) != '(' {
				w.text = b.String()
				return w
			}
			start := l.i
			l.i += 2
			l.substitution(&w, start)
			b.WriteString(l.s[start:l.i])
		case c == '(':
			// Not valid in a word, but common in text meant for files
			// ("ALL=(ALL)") and in array assignments: keep it balanced.
			start := l.i
			l.i++
			l.skipBalanced()
			b.WriteString(l.s[start:l.i])
		case c == '\'':
			end := strings.IndexByte(l.s[l.i+1:], '\'')
			if end < 0 {
				b.WriteString(l.s[l.i+1:])
				l.i = len(l.s)
				break
			}
			b.WriteString(l.s[l.i+1 : l.i+1+end])
			l.i += end + 2
		case c == '"':
			l.i++
			l.doubleQuoted(&b, &w)
		case c == '\\':
			if l.peek(1) != '\n' && l.i+1 < len(l.s) {
				b.WriteByte(l.s[l.i+1])
			}
			l.i += 2
		case c == '$':
			l.dollar(&b, &w)
		case c == '`':
			l.backtick(&b, &w)
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	if l.i > len(l.s) {
		l.i = len(l.s)
	}
	w.text = b.String()
	return w
}

// doubleQuoted reads up to the closing quote, which it consumes.
func (l *lexer) doubleQuoted(b *strings.Builder, w *word) {
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch c {
		case '"':
			l.i++
			return
		case '\\':
			next := l.peek(1)
			switch next {
			case '$', '`', '"', '\\':
				b.WriteByte(next)
			case '\n':
			default:
				b.WriteByte('\\')
				if l.i+1 < len(l.s) {
					b.WriteByte(next)
				}
			}
			l.i += 2
		case '$':
			l.dollar(b, w)
		case '`':
			l.backtick(b, w)
		default:
			b.WriteByte(c)
			l.i++
		}
	}
	if l.i > len(l.s) {
		l.i = len(l.s)
	}
}

// dollar reads an expansion starting at '$'.
func (l *lexer) dollar(b *strings.Builder, w *word) {
	start := l.i
	switch {
	case strings.HasPrefix(l.s[l.i:], "$(("):
		l.i += 3
		l.skipBalanced()
		l.skipBalanced()
		b.WriteString(l.s[start:l.i])
	case l.peek(1) == '(':
		l.i += 2
		l.substitution(w, start)
		b.WriteString(l.s[start:l.i])
	case l.peek(1) == '{':
		l.i += 2
		for depth := 1; l.i < len(l.s) && depth > 0; l.i++ {
			switch l.s[l.i] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		b.WriteString(l.s[start:l.i])
	case l.peek(1) == '\'':
		// $'...' quoting: backslash escapes the next byte.
		l.i += 2
		for l.i < len(l.s) && l.s[l.i] != '\'' {
			if l.s[l.i] == '\\' && l.i+1 < len(l.s) {
				l.i++
			}
			b.WriteByte(l.s[l.i])
			l.i++
		}
		l.i++
	default:
		b.WriteByte('$')
		l.i++
	}
	if l.i > len(l.s) {
		l.i = len(l.s)
	}
}

// substitution parses the commands of $(...) or <(...) whose opening was
// at start and whose body starts at i, up to the closing parenthesis.
func (l *lexer) substitution(w *word, start int) {
	if l.depth >= maxDepth {
		l.skipBalanced()
		return
	}
	l.depth++
	sub := l.list(true)
	l.depth--
	w.subs = append(w.subs, sub)
}

// backtick parses `...`, in which a backslash escapes a backtick.
func (l *lexer) backtick(b *strings.Builder, w *word) {
	start := l.i
	l.i++
	var inner strings.Builder
	for l.i < len(l.s) && l.s[l.i] != '`' {
		if l.s[l.i] == '\\' && l.i+1 < len(l.s) && strings.IndexByte("`\\$", l.s[l.i+1]) >= 0 {
			l.i++
		}
		inner.WriteByte(l.s[l.i])
		l.i++
	}
	if l.i < len(l.s) {
		l.i++
	}
	b.WriteString(l.s[start:l.i])
	if l.depth < maxDepth {
		sub := &lexer{s: inner.String(), depth: l.depth + 1}
		w.subs = append(w.subs, sub.list(false))
	}
}

// skipBalanced moves past the ')' matching an already consumed '(',
// ignoring parentheses in quotes.
func (l *lexer) skipBalanced() {
	depth := 1
	for l.i < len(l.s) && depth > 0 {
		switch l.s[l.i] {
		case '(':
			depth++
		case ')':
			depth--
		case '\\':
			l.i++
		case '\'', '"':
			if end := strings.IndexByte(l.s[l.i+1:], l.s[l.i]); end >= 0 {
				l.i += end + 1
			}
		}
		l.i++
	}
	if l.i > len(l.s) {
		l.i = len(l.s)
	}
}
