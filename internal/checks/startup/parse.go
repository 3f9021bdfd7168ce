package startup

// command is one simple command of a script.
type command struct {
	// words are the command's words, redirections dropped.
	words []token
	// background is set when the command runs asynchronously: it ends
	// with &, or belongs to a list or group that does.
	background bool
	// fn names the function whose body holds the command, "" at top level.
	fn   string
	line int
}

// script is a parsed shell script: its commands in order and the function
// bodies it defines (ranges of commands).
type script struct {
	cmds  []command
	funcs map[string]span
}

type span struct{ start, end int }

// keywords that open a compound command: the command proper follows.
var prefixKeywords = map[string]bool{"if": true, "then": true, "else": true, "elif": true, "do": true, "while": true, "until": true, "!": true, "time": true}

// closing keywords that end a compound command and run nothing.
var closingKeywords = map[string]bool{"fi": true, "done": true, "esac": true}

// parser turns tokens into commands. It understands what decides what
// runs and how: separators, & and the lists and groups it applies to,
// function definitions, case patterns and the compound-command keywords;
// it does not evaluate conditions, so every branch counts.
type parser struct {
	s     script
	cur   []token
	line  int
	list  int      // index of the first command of the current and-or list
	stack []frame  // open groups
	inFn  []string // enclosing functions
	// pendingFn names a function whose body is the next group.
	pendingFn string
	caseIn    bool // after "case x in" or ";;": a pattern comes first
}

type frame struct {
	list   int
	fn     string // function whose body this group is
	start  int
	closer string
}

// parse reads a script.
func parse(src string) script {
	p := &parser{s: script{funcs: map[string]span{}}}
	toks := lex(src)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.kind {
		case tokRedirect:
			continue
		case tokWord:
			if len(p.cur) == 0 {
				if p.commandStart(toks, &i) {
					continue
				}
			}
			if len(p.cur) == 0 {
				p.line = t.line
			}
			p.cur = append(p.cur, t)
		case tokOp:
			p.operator(toks, &i)
		}
	}
	p.end()
	return p.s
}

// commandStart handles a word in command position: keywords, group braces,
// case patterns and function definitions. It reports whether the word was
// consumed.
func (p *parser) commandStart(toks []token, i *int) bool {
	t := toks[*i]
	w := t.text
	switch {
	case p.caseIn && w != "esac":
		// "pattern)" or "a|b)", the parenthesis lexed as an operator.
		j := *i + 1
		for j < len(toks) && j-*i < 64 && (toks[j].kind == tokWord || toks[j].text == "|") {
			j++
		}
		if j < len(toks) && toks[j].text == ")" {
			*i = j
			p.caseIn = false
			return true
		}
	case w == "{":
		p.open("}")
		return true
	case w == "}":
		p.close("}")
		return true
	case prefixKeywords[w]:
		return true
	case closingKeywords[w]:
		if w == "esac" {
			p.caseIn = false
		}
		return true
	case w == "case":
		// case WORD in: nothing runs; patterns follow.
		for *i+1 < len(toks) && toks[*i+1].kind == tokWord {
			*i++
			if toks[*i].text == "in" {
				break
			}
		}
		p.caseIn = true
		return true
	case w == "function" && *i+1 < len(toks) && toks[*i+1].kind == tokWord:
		*i++
		p.pendingFn = toks[*i].lit
		if *i+2 < len(toks) && toks[*i+1].text == "(" && toks[*i+2].text == ")" {
			*i += 2
		}
		return true
	case *i+2 < len(toks) && toks[*i+1].text == "(" && toks[*i+2].text == ")":
		p.pendingFn = t.lit
		*i += 2
		return true
	}
	return false
}

func (p *parser) operator(toks []token, i *int) {
	t := toks[*i]
	switch t.text {
	case "(":
		if len(p.cur) == 0 {
			p.open(")")
		}
	case ")":
		if len(p.cur) == 0 && p.caseIn {
			p.caseIn = false
			return
		}
		p.end()
		p.close(")")
	case "&":
		p.end()
		for j := p.list; j < len(p.s.cmds); j++ {
			p.s.cmds[j].background = true
		}
		p.list = len(p.s.cmds)
	case ";;":
		p.end()
		p.list = len(p.s.cmds)
		p.caseIn = true
	case ";", "\n":
		p.end()
		p.list = len(p.s.cmds)
	default: // && || | |&
		p.end()
	}
}

// end closes the current simple command.
func (p *parser) end() {
	if len(p.cur) > 0 {
		fn := ""
		if len(p.inFn) > 0 {
			fn = p.inFn[len(p.inFn)-1]
		}
		p.s.cmds = append(p.s.cmds, command{words: p.cur, fn: fn, line: p.line})
		p.cur = nil
	}
}

func (p *parser) open(closer string) {
	if len(p.stack) >= maxNest {
		return
	}
	f := frame{list: p.list, start: len(p.s.cmds), closer: closer, fn: p.pendingFn}
	if p.pendingFn != "" {
		p.inFn = append(p.inFn, p.pendingFn)
		p.pendingFn = ""
	}
	p.stack = append(p.stack, f)
	p.list = len(p.s.cmds)
}

// close ends the innermost group; a following & then applies to the list
// the group belongs to.
func (p *parser) close(closer string) {
	p.end()
	if len(p.stack) == 0 || p.stack[len(p.stack)-1].closer != closer {
		return
	}
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.list = f.list
	if f.fn != "" {
		p.inFn = p.inFn[:len(p.inFn)-1]
		if _, dup := p.s.funcs[f.fn]; !dup {
			p.s.funcs[f.fn] = span{f.start, len(p.s.cmds)}
		}
		p.list = len(p.s.cmds)
	}
}
