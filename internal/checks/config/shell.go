package config

// The shell text of history steps and entrypoints is written by whoever built
// the image, so it is parsed as a shell would split it rather than matched
// with one regular expression per rule: quotes, escapes, pipes, lists,
// redirections, here-documents and substitutions are understood well enough
// to find the commands and their arguments, and nothing more. The parser
// never fails; text it cannot make sense of ends up as ordinary words.

// maxScript bounds the shell text analysed at once; longer text is analysed
// up to the bound.
const maxScript = 64 << 10

// maxDepth bounds nested substitutions ($(...), `...`, <(...), here-documents
// run by a shell); deeper ones are kept as text without being parsed.
const maxDepth = 8

// script is a parsed shell text: its pipelines in order. Lists (;, &&, ||, &,
// new lines) separate pipelines.
type script struct {
	pipelines []pipeline
}

// pipeline is commands joined by |, each reading what the previous one wrote.
type pipeline struct {
	commands []command
}

// command is one simple command.
type command struct {
	words     []word
	redirects []redirect
}

// word is one argument after quote removal. Substitutions are kept in the
// text as written and parsed into subs.
type word struct {
	text string
	subs []script
}

// redirect is an operator such as >, >>, < or << with its target. For a
// here-document, target is the delimiter and body its text, also parsed as a
// script in bodyScript.
type redirect struct {
	op         string
	target     word
	body       string
	bodyScript script
}

// parseShell splits shell text into pipelines and commands.
func parseShell(s string) script {
	if len(s) > maxScript {
		s = s[:maxScript]
	}
	l := &lexer{s: s}
	return l.list(false)
}

// args returns the words of c as text.
func (c command) args() []string {
	out := make([]string, len(c.words))
	for i, w := range c.words {
		out[i] = w.text
	}
	return out
}

// eachCommand calls fn for every command of s, including the commands of
// substitutions and of here-documents, with the pipeline it belongs to and
// its position there.
func (s script) eachCommand(fn func(c command, p pipeline, pos int)) {
	for _, p := range s.pipelines {
		for i, c := range p.commands {
			fn(c, p, i)
			for _, w := range c.words {
				for _, sub := range w.subs {
					sub.eachCommand(fn)
				}
			}
			for _, r := range c.redirects {
				for _, sub := range r.target.subs {
					sub.eachCommand(fn)
				}
				r.bodyScript.eachCommand(fn)
			}
		}
	}
}

// reserved words open or close compound commands; they are dropped so that
// "then curl ..." is the command curl.
var reserved = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true,
	"do": true, "done": true, "while": true, "until": true,
	"case": true, "esac": true, "!": true, "{": true, "}": true,
}

// trimReserved drops leading reserved words from a command.
func trimReserved(c command) command {
	for len(c.words) > 0 && len(c.words[0].subs) == 0 && reserved[c.words[0].text] {
		c.words = c.words[1:]
	}
	return c
}
