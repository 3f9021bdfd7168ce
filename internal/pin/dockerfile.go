package pin

import "strings"

// ParseDockerfile finds the images a Dockerfile pulls: FROM (with ARG
// defaults substituted), COPY --from and RUN --mount=from= when they name an
// image rather than a build stage. scratch and stage names are skipped.
func ParseDockerfile(data []byte) ([]Ref, error) {
	p := dockerfileParser{
		lines:  newLineIndex(data),
		global: map[string]argValue{},
		stages: map[string]bool{},
		seen:   map[[2]int]bool{},
	}
	p.vars = p.global
	for _, in := range instructions(data) {
		p.instruction(in)
	}
	return p.refs, nil
}

type dockerfileParser struct {
	lines        lineIndex
	global, vars map[string]argValue
	stages       map[string]bool
	inStage      bool
	refs         []Ref
	seen         map[[2]int]bool
}

func (p *dockerfileParser) instruction(in instruction) {
	toks := in.tokens()
	if len(toks) == 0 {
		return
	}
	args := toks[1:]
	switch strings.ToUpper(toks[0].text) {
	case "ARG":
		p.arg(in, args)
	case "FROM":
		p.from(in, args)
	case "COPY":
		for _, t := range flags(args) {
			if v, ok := cutFlag(t, "--from="); ok {
				p.image(in, v, "COPY --from", p.vars)
			}
		}
	case "RUN":
		for _, t := range flags(args) {
			mount, ok := cutFlag(t, "--mount=")
			if !ok {
				continue
			}
			for _, opt := range splitToken(mount, ',') {
				if v, ok := cutFlag(opt, "from="); ok {
					p.image(in, v, "RUN --mount from", p.vars)
				}
			}
		}
	}
}

// flags returns the leading --flag tokens of an instruction.
func flags(args []token) []token {
	for i, t := range args {
		if !strings.HasPrefix(t.text, "--") {
			return args[:i]
		}
	}
	return args
}

// cutFlag returns the value after prefix (case-insensitive), unquoted.
func cutFlag(t token, prefix string) (token, bool) {
	if len(t.text) < len(prefix) || !strings.EqualFold(t.text[:len(prefix)], prefix) {
		return token{}, false
	}
	return unquote(token{t.text[len(prefix):], t.start + len(prefix), t.end}), true
}

func splitToken(t token, sep byte) []token {
	var out []token
	start := 0
	for i := 0; i <= len(t.text); i++ {
		if i == len(t.text) || t.text[i] == sep {
			out = append(out, token{t.text[start:i], t.start + start, t.start + i})
			start = i + 1
		}
	}
	return out
}

func unquote(t token) token {
	if n := len(t.text); n >= 2 && (t.text[0] == '"' || t.text[0] == '\'') && t.text[n-1] == t.text[0] {
		return token{t.text[1 : n-1], t.start + 1, t.end - 1}
	}
	return t
}

func (p *dockerfileParser) arg(in instruction, args []token) {
	for _, t := range args {
		name, val, ok := strings.Cut(t.text, "=")
		if !ok {
			if g, found := p.global[name]; found && p.inStage {
				p.vars[name] = g
			}
			continue
		}
		v := unquote(token{val, t.start + len(name) + 1, t.end})
		av := argValue{value: v.text, start: -1, end: -1}
		if s, e, ok := in.raw(v.start, v.end); ok {
			av.start, av.end, av.line = s, e, p.lines.line(s)
		} else if v.start < len(in.pos) && in.pos[v.start] >= 0 {
			av.line = p.lines.line(in.pos[v.start])
		}
		if ex := expand(av.value, p.vars); ex.substituted {
			av = argValue{value: ex.text, start: -1, end: -1, line: av.line}
		}
		p.vars[name] = av
	}
}

func (p *dockerfileParser) from(in instruction, args []token) {
	rest := args[len(flags(args)):]
	if len(rest) == 0 {
		return
	}
	// FROM sees only the ARGs declared before the first FROM.
	p.image(in, rest[0], "FROM", p.global)
	if len(rest) >= 3 && strings.EqualFold(rest[1].text, "AS") {
		p.stages[strings.ToLower(rest[2].text)] = true
	}
	p.inStage = true
	// A stage sees a global ARG only after redeclaring it.
	p.vars = map[string]argValue{}
}

func (p *dockerfileParser) image(in instruction, t token, where string, vars map[string]argValue) {
	t = unquote(t)
	if t.text == "" {
		return
	}
	r := Ref{Text: t.text, Start: -1, End: -1, Where: where}
	if s, e, ok := in.raw(t.start, t.end); ok {
		r.Start, r.End, r.Line = s, e, p.lines.line(s)
	} else {
		r.Fixed = "the reference is split across lines"
		for _, o := range in.pos[t.start:t.end] {
			if o >= 0 {
				r.Line = p.lines.line(o)
				break
			}
		}
	}
	ex := expand(t.text, vars)
	switch {
	case ex.missing != "":
		r.Start, r.End = -1, -1
		r.Skip = "ARG " + ex.missing + " has no default value"
		if ex.missing == tooLong {
			r.Skip = "the ARG expansion is longer than 8 KiB"
		}
	case ex.arg != nil:
		r.Text = ex.text
		r.Where += " (ARG default)"
		r.Start, r.End = ex.arg.start, ex.arg.end
		if ex.arg.start < 0 {
			r.Fixed = "the ARG default is itself built from ARGs"
		} else {
			r.Fixed = ""
			r.Line = ex.arg.line
		}
	case ex.substituted:
		r.Text = ex.text
		r.Start, r.End = -1, -1
		r.Fixed = "the reference is built from ARGs; pin the ARG defaults by hand"
	}
	name := strings.ToLower(r.Text)
	if r.Skip == "" && (name == "scratch" || p.stages[name] || isStageIndex(name)) {
		return
	}
	if r.Text == "" && r.Skip == "" {
		return
	}
	if r.Start >= 0 {
		k := [2]int{r.Start, r.End}
		if p.seen[k] {
			return
		}
		p.seen[k] = true
	}
	p.refs = append(p.refs, r)
}

func isStageIndex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
