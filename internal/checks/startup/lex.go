package startup

import "strings"

// Bounds of the script parser: scripts are collected up to 64 KiB, but the
// parser is fed any text and must stay linear and bounded.
const (
	maxScript = 256 << 10
	maxTokens = 64 << 10
	maxNest   = 64
)

// tokKind is the kind of a lexical token.
type tokKind uint8

const (
	tokWord     tokKind = iota
	tokOp               // ; & && || | |& ;; ( ) and newline
	tokRedirect         // a redirection with its target, dropped from commands
)

// token is one word, operator or redirection.
type token struct {
	kind tokKind
	// text is the word as written (quotes kept) or the operator.
	text string
	// lit is the word with quotes and escapes removed; expansions such as
	// $x and $(...) are kept as written.
	lit string
	// dynamic is set when the word holds an expansion or an unquoted glob,
	// so its value is not known before the script runs.
	dynamic bool
	glob    bool
	line    int
}

// lexer splits shell text into tokens, the way a POSIX shell would before
// expansion: quotes, escapes, comments, line continuations, here-documents,
// and the operators that separate commands.
type lexer struct {
	src     string
	pos     int
	line    int
	heredoc []heredoc
	toks    []token
}

type heredoc struct {
	delim string
	tabs  bool
}

// lex returns the tokens of src, stopping at maxTokens.
func lex(src string) []token {
	if len(src) > maxScript {
		src = src[:maxScript]
	}
	l := &lexer{src: src, line: 1}
	for l.pos < len(l.src) && len(l.toks) < maxTokens {
		l.next()
	}
	return l.toks
}

func (l *lexer) next() {
	c := l.src[l.pos]
	switch {
	case c == '\\' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '\n':
		l.pos += 2
		l.line++
	case c == ' ' || c == '\t' || c == '\r':
		l.pos++
	case c == '\n':
		l.op("\n", 1)
		l.line++
		l.readHeredocs()
	case c == '#':
		for l.pos < len(l.src) && l.src[l.pos] != '\n' {
			l.pos++
		}
	case c == ';' || c == '&' || c == '|' || c == '(' || c == ')':
		l.operator()
	case c == '<' || c == '>':
		l.redirect(l.pos)
	default:
		l.word()
	}
}

func (l *lexer) op(text string, n int) {
	l.toks = append(l.toks, token{kind: tokOp, text: text, line: l.line})
	l.pos += n
}

func (l *lexer) operator() {
	rest := l.src[l.pos:]
	for _, op := range []string{";;", "&&", "||", "|&", ";", "|", "(", ")"} {
		if strings.HasPrefix(rest, op) {
			l.op(op, len(op))
			return
		}
	}
	if strings.HasPrefix(rest, "&>") {
		l.redirect(l.pos)
		return
	}
	l.op("&", 1)
}

// redirect consumes a redirection operator starting at start (after an
// optional descriptor number already part of it) and its target word.
func (l *lexer) redirect(start int) {
	line := l.line
	p := l.pos
	for p < len(l.src) && strings.IndexByte("<>&|-", l.src[p]) >= 0 && p-l.pos < 3 {
		p++
	}
	op := l.src[l.pos:p]
	l.pos = p
	for l.pos < len(l.src) && (l.src[l.pos] == ' ' || l.src[l.pos] == '\t') {
		l.pos++
	}
	target := token{}
	if l.pos < len(l.src) && strings.IndexByte("\n;&|()<>", l.src[l.pos]) < 0 {
		target = l.scanWord()
	}
	if strings.HasPrefix(op, "<<") && !strings.HasPrefix(op, "<<<") && target.lit != "" {
		l.heredoc = append(l.heredoc, heredoc{delim: target.lit, tabs: strings.HasPrefix(op, "<<-")})
	}
	l.toks = append(l.toks, token{kind: tokRedirect, text: l.src[start:l.pos], line: line})
}

// readHeredocs skips the bodies of the here-documents opened on the line
// just ended.
func (l *lexer) readHeredocs() {
	for _, h := range l.heredoc {
		for l.pos < len(l.src) {
			end := strings.IndexByte(l.src[l.pos:], '\n')
			var ln string
			if end < 0 {
				ln, l.pos = l.src[l.pos:], len(l.src)
			} else {
				ln, l.pos = l.src[l.pos:l.pos+end], l.pos+end+1
				l.line++
			}
			if h.tabs {
				ln = strings.TrimLeft(ln, "\t")
			}
			if strings.TrimRight(ln, "\r") == h.delim {
				break
			}
		}
	}
	l.heredoc = l.heredoc[:0]
}

func (l *lexer) word() {
	start := l.pos
	t := l.scanWord()
	// "2>file": a number directly before a redirection names the descriptor.
	if l.pos < len(l.src) && (l.src[l.pos] == '<' || l.src[l.pos] == '>') && isDigits(t.text) {
		l.redirect(start)
		return
	}
	l.toks = append(l.toks, t)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// scanWord reads one word: runs of plain characters, quoted strings and
// expansions, up to an unquoted blank or operator.
func (l *lexer) scanWord() token {
	t := token{kind: tokWord, line: l.line}
	start := l.pos
	var lit strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || strings.IndexByte(";&|()<>", c) >= 0:
			t.text, t.lit = l.src[start:l.pos], lit.String()
			return t
		case c == '\\':
			if l.pos+1 < len(l.src) {
				if l.src[l.pos+1] == '\n' {
					l.line++
				} else {
					lit.WriteByte(l.src[l.pos+1])
				}
				l.pos += 2
			} else {
				l.pos++
			}
		case c == '\'':
			end := strings.IndexByte(l.src[l.pos+1:], '\'')
			if end < 0 {
				end = len(l.src) - l.pos - 1
			}
			s := l.src[l.pos+1 : l.pos+1+end]
			lit.WriteString(s)
			l.line += strings.Count(s, "\n")
			l.pos += end + 2
		case c == '"':
			l.pos++
			l.double(&lit, &t)
		case c == '$':
			t.dynamic = true
			lit.WriteString(l.expansion())
		case c == '`':
			t.dynamic = true
			lit.WriteString(l.backquote())
		case c == '*' || c == '?' || c == '[':
			t.glob = true
			lit.WriteByte(c)
			l.pos++
		default:
			lit.WriteByte(c)
			l.pos++
		}
	}
	if l.pos > len(l.src) {
		l.pos = len(l.src)
	}
	t.text, t.lit = l.src[start:l.pos], lit.String()
	return t
}

// double reads a double-quoted string after its opening quote.
func (l *lexer) double(lit *strings.Builder, t *token) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			return
		case c == '\\' && l.pos+1 < len(l.src) && strings.IndexByte("\"\\$`\n", l.src[l.pos+1]) >= 0:
			if l.src[l.pos+1] != '\n' {
				lit.WriteByte(l.src[l.pos+1])
			} else {
				l.line++
			}
			l.pos += 2
		case c == '$':
			t.dynamic = true
			lit.WriteString(l.expansion())
		case c == '`':
			t.dynamic = true
			lit.WriteString(l.backquote())
		default:
			if c == '\n' {
				l.line++
			}
			lit.WriteByte(c)
			l.pos++
		}
	}
}

// expansion reads $name, ${...}, $(...) or $((...)) and returns it as
// written.
func (l *lexer) expansion() string {
	start := l.pos
	l.pos++
	if l.pos >= len(l.src) {
		return "$"
	}
	switch c := l.src[l.pos]; {
	case c == '{':
		l.balanced('{', '}')
	case c == '(':
		l.balanced('(', ')')
	case c == '@' || c == '*' || c == '#' || c == '?' || c == '$' || c == '!' || c == '-' || (c >= '0' && c <= '9'):
		l.pos++
	default:
		for l.pos < len(l.src) && (isNameByte(l.src[l.pos])) {
			l.pos++
		}
	}
	return l.src[start:l.pos]
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// balanced skips from an opening bracket to its match, minding quotes,
// to a bounded depth.
func (l *lexer) balanced(open, close byte) {
	depth := 0
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\\':
			l.pos++
		case c == '\'' && open == '(':
			end := strings.IndexByte(l.src[l.pos+1:], '\'')
			if end < 0 {
				l.pos = len(l.src)
				continue
			}
			l.pos += end + 1
		case c == '\n':
			l.line++
		case c == open:
			depth++
		case c == close:
			depth--
			if depth == 0 {
				l.pos++
				return
			}
		}
		l.pos++
		if depth > maxNest {
			break
		}
	}
	l.pos = min(l.pos, len(l.src))
}

func (l *lexer) backquote() string {
	start := l.pos
	l.pos++
	for l.pos < len(l.src) && l.src[l.pos] != '`' {
		if l.src[l.pos] == '\\' {
			l.pos++
		} else if l.src[l.pos] == '\n' {
			l.line++
		}
		l.pos++
	}
	l.pos++
	if l.pos > len(l.src) {
		l.pos = len(l.src)
	}
	return l.src[start:l.pos]
}
