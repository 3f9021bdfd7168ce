package startup

import "strings"

// substitute expands "$@" and "$*" (quoted or not) into the script's
// positional arguments; other expansions stay as written.
func substitute(words []token, args []string) []token {
	var out []token
	for _, w := range words {
		switch w.lit {
		case "$@", "$*", "${@}", "${*}":
			for _, a := range args {
				out = append(out, token{kind: tokWord, text: quote(a), lit: a, line: w.line})
			}
		default:
			out = append(out, w)
		}
	}
	return out
}

// lits returns the values of words, as arguments of a script.
func lits(words []token) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.lit
	}
	return out
}

// join writes words back as shell text, as written in the script.
func join(words []token) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// quote writes a value as one shell word.
func quote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`;&|<>(){}*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
