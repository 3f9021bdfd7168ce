package config

import "strings"

// lexer reads shell text. Every step advances i, so parsing is linear in the
// text at each substitution depth.
type lexer struct {
	s     string
	i     int
	depth int
	// bodyEnd is where the here-documents opened on the current line end;
	// the new line that ends the line jumps there.
	bodyEnd int
}

func (l *lexer) peek(n int) byte {
	if l.i+n < len(l.s) {
		return l.s[l.i+n]
	}
	return 0
}

// list reads pipelines until the end of the text or, when inSub, the ')'
// closing a substitution, which it consumes.
func (l *lexer) list(inSub bool) script {
	var (
		sc     script
		pl     pipeline
		cmd    command
		parens int
	)
	endCmd := func() {
		cmd = trimReserved(cmd)
		if len(cmd.words) > 0 || len(cmd.redirects) > 0 {
			l.parseBodies(&cmd)
			pl.commands = append(pl.commands, cmd)
		}
		cmd = command{}
	}
	endPipe := func() {
		endCmd()
		if len(pl.commands) > 0 {
			sc.pipelines = append(sc.pipelines, pl)
		}
		pl = pipeline{}
	}
	for l.i < len(l.s) {
		start := l.i
		c := l.s[l.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			l.i++
		case c == '\\' && l.peek(1) == '\n':
			l.i += 2
		case c == '\n':
			endPipe()
			l.i++
			if l.bodyEnd > l.i {
				l.i = l.bodyEnd
			}
			l.bodyEnd = 0
		case c == ';':
			endPipe()
			l.i++
		case c == '&' && l.peek(1) == '>':
			l.redirect(&cmd)
		case c == '&':
			endPipe()
			l.i++
			if l.peek(0) == '&' {
				l.i++
			}
		case c == '|':
			l.i++
			if l.peek(0) == '|' {
				l.i++
				endPipe()
				break
			}
			if l.peek(0) == '&' {
				l.i++
			}
			endCmd()
		case c == '(':
			parens++
			endCmd()
			l.i++
		case c == ')':
			endCmd()
			l.i++
			if parens > 0 {
				parens--
			} else if inSub {
				endPipe()
				return sc
			}
		case c == '#':
			l.skipComment()
		case (c == '<' || c == '>') && l.peek(1) != '(':
			l.redirect(&cmd)
		case isDigit(c) && l.fdRedirect():
			for isDigit(l.s[l.i]) {
				l.i++
			}
			l.redirect(&cmd)
		default:
			cmd.words = append(cmd.words, l.word())
		}
		if l.i == start {
			l.i++ // cannot happen; guards termination against future edits
		}
	}
	endPipe()
	return sc
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fdRedirect reports whether the text at i is a file descriptor number
// followed by a redirection operator, as in 2>/dev/null.
func (l *lexer) fdRedirect() bool {
	j := l.i
	for j < len(l.s) && isDigit(l.s[j]) {
		j++
	}
	return j < len(l.s) && (l.s[j] == '<' || l.s[j] == '>') && (j+1 >= len(l.s) || l.s[j+1] != '(')
}

func (l *lexer) skipComment() {
	if j := strings.IndexByte(l.s[l.i:], '\n'); j >= 0 {
		l.i += j
		return
	}
	l.i = len(l.s)
}

// redirectOps are the redirection operators, longest first.
var redirectOps = []string{"&>>", "<<<", "<<-", "&>", "<<", "<>", "<&", ">>", ">&", ">|", "<", ">"}

// redirect reads an operator and its target. A here-document's body is
// taken from the lines after the current one.
func (l *lexer) redirect(cmd *command) {
	op := ">"
	for _, o := range redirectOps {
		if strings.HasPrefix(l.s[l.i:], o) {
			op = o
			break
		}
	}
	l.i += len(op)
	for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t') {
		l.i++
	}
	r := redirect{op: op}
	procSub := (l.peek(0) == '<' || l.peek(0) == '>') && l.peek(1) == '('
	if l.i < len(l.s) && (procSub || !strings.ContainsRune("\n;&|()<>", rune(l.s[l.i]))) {
		r.target = l.word()
	}
	if op == "<<" || op == "<<-" {
		r.body = l.heredoc(r.target.text, op == "<<-")
	}
	cmd.redirects = append(cmd.redirects, r)
}

// heredoc returns the body of a here-document ending at a line equal to
// delim, and records where it ends so the lexer skips it.
func (l *lexer) heredoc(delim string, stripTabs bool) string {
	start := l.bodyEnd
	if start <= l.i {
		nl := strings.IndexByte(l.s[l.i:], '\n')
		if nl < 0 {
			return ""
		}
		start = l.i + nl + 1
	}
	var body strings.Builder
	pos := start
	for pos < len(l.s) {
		line, next := l.s[pos:], len(l.s)
		if j := strings.IndexByte(line, '\n'); j >= 0 {
			line, next = line[:j], pos+j+1
		}
		pos = next
		cmp := line
		if stripTabs {
			cmp = strings.TrimLeft(line, "\t")
		}
		if cmp == delim {
			break
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	l.bodyEnd = pos
	return body.String()
}

// parseBodies parses the here-documents of a command that a shell or
// interpreter reads as its script.
func (l *lexer) parseBodies(cmd *command) {
	if l.depth >= maxDepth {
		return
	}
	prog := program(cmd.args())
	if len(prog) == 0 || !isInterpreter(base(prog[0])) {
		return
	}
	for i := range cmd.redirects {
		if r := &cmd.redirects[i]; r.body != "" {
			sub := &lexer{s: r.body, depth: l.depth + 1}
			r.bodyScript = sub.list(false)
		}
	}
}
