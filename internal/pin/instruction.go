package pin

import (
	"bytes"
	"regexp"
	"strings"
)

// instruction is one logical Dockerfile instruction: its physical lines
// joined, comments and escaped newlines removed, each byte remembering its
// offset in the file.
type instruction struct {
	text []byte
	pos  []int
}

// physLine is one line of the file, without its line ending.
type physLine struct {
	text  []byte
	start int
}

// token is a whitespace-separated word of an instruction.
type token struct {
	text       string
	start, end int // byte range in instruction.text
}

// maxInstructions bounds the instructions read from one Dockerfile.
const maxInstructions = 100000

var (
	directiveRE = regexp.MustCompile(`^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$`)
	heredocRE   = regexp.MustCompile(`<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)(["']?)`)
)

// instructions splits a Dockerfile into logical instructions, honouring the
// escape parser directive, line continuations, comment lines inside
// continuations and heredoc bodies (skipped).
func instructions(data []byte) []instruction {
	var lines []physLine
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end < 0 {
			end = len(data)
		} else {
			end += off
			next = end + 1
		}
		lines = append(lines, physLine{bytes.TrimSuffix(data[off:end], []byte("\r")), off})
		off = next
	}
	escape := byte('\\')
	i := 0
	for ; i < len(lines); i++ {
		m := directiveRE.FindSubmatch(lines[i].text)
		if m == nil {
			break
		}
		if strings.EqualFold(string(m[1]), "escape") && len(m[2]) == 1 && (m[2][0] == '`' || m[2][0] == '\\') {
			escape = m[2][0]
		}
	}
	var out []instruction
	var cur instruction
	open := false
	for ; i < len(lines) && len(out) < maxInstructions; i++ {
		l := lines[i]
		trimmed := bytes.TrimSpace(l.text)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		body := bytes.TrimRight(l.text, " \t")
		cont := len(body) > 0 && body[len(body)-1] == escape
		if cont {
			body = body[:len(body)-1]
		}
		for j := range body {
			cur.text = append(cur.text, body[j])
			cur.pos = append(cur.pos, l.start+j)
		}
		open = cont
		if cont {
			continue
		}
		out = append(out, cur)
		i += skipHeredocs(cur.text, lines[i+1:])
		cur = instruction{}
	}
	if open {
		out = append(out, cur)
	}
	return out
}

// skipHeredocs returns how many of the following lines are heredoc bodies
// opened by the instruction text.
func skipHeredocs(text []byte, rest []physLine) int {
	kw := strings.ToUpper(firstWord(text))
	if kw != "RUN" && kw != "COPY" && kw != "ADD" {
		return 0
	}
	n := 0
	for _, m := range heredocRE.FindAllSubmatchIndex(text, -1) {
		if m[0] > 0 && text[m[0]-1] == '<' {
			continue
		}
		delim := string(text[m[6]:m[7]])
		strip := m[3] > m[2]
		for n < len(rest) {
			l := rest[n].text
			n++
			if strip {
				l = bytes.TrimLeft(l, "\t")
			}
			if string(bytes.TrimRight(l, " \t")) == delim {
				break
			}
		}
	}
	return n
}

func firstWord(b []byte) string {
	f := bytes.Fields(b)
	if len(f) == 0 {
		return ""
	}
	return string(f[0])
}

// tokens splits an instruction into words.
func (in instruction) tokens() []token {
	var out []token
	start := -1
	for i := 0; i <= len(in.text); i++ {
		space := i == len(in.text) || in.text[i] == ' ' || in.text[i] == '\t'
		if space && start >= 0 {
			out = append(out, token{string(in.text[start:i]), start, i})
			start = -1
		} else if !space && start < 0 {
			start = i
		}
	}
	return out
}

// raw returns the file byte range of instruction bytes [start,end), and
// false when they are not contiguous in the file (split across lines).
func (in instruction) raw(start, end int) (int, int, bool) {
	if start >= end || in.pos[start] < 0 || in.pos[end-1] < 0 || in.pos[end-1]-in.pos[start] != end-1-start {
		return -1, -1, false
	}
	return in.pos[start], in.pos[end-1] + 1, true
}
