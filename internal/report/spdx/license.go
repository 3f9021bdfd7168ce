package spdx

import (
	"strings"
)

// maxExpression bounds the license expressions read from package metadata;
// longer ones are treated as free text.
const maxExpression = 1024

// LicenseID returns the SPDX License List identifier that s names, matched
// without regard to case as the SPDX specification asks, in its canonical
// spelling ("mit" gives "MIT").
func LicenseID(s string) (string, bool) {
	if s == "" || len(s) > maxExpression || strings.ContainsAny(s, "\n\r") {
		return "", false
	}
	for rest := licenseList[1:]; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		if len(line) == len(s) && strings.EqualFold(line, s) {
			return line, true
		}
	}
	return "", false
}

// Expression returns s as a valid SPDX license expression in canonical form
// (identifiers spelled as the License List does, operators upper-case, single
// spaces), or false when s is not one: free text, an unknown identifier or
// unbalanced parentheses. A single identifier is an expression too.
func Expression(s string) (string, bool) {
	if len(s) > maxExpression {
		return "", false
	}
	tokens := tokenize(s)
	if len(tokens) == 0 {
		return "", false
	}
	var out []string
	depth, wantOperand := 0, true
	for i, tok := range tokens {
		switch {
		case tok == "(":
			if !wantOperand {
				return "", false
			}
			depth++
			out = append(out, tok)
		case tok == ")":
			if wantOperand || depth == 0 {
				return "", false
			}
			depth--
			out = append(out, tok)
		case isOperator(tok):
			if wantOperand {
				return "", false
			}
			op := strings.ToUpper(tok)
			if op == "WITH" && (i+1 >= len(tokens) || tokens[i+1] == "(") {
				return "", false
			}
			out = append(out, op)
			wantOperand = true
		default:
			if !wantOperand {
				return "", false
			}
			id, ok := operand(tok)
			if !ok {
				return "", false
			}
			out = append(out, id)
			wantOperand = false
		}
	}
	if wantOperand || depth != 0 {
		return "", false
	}
	expr := strings.Join(out, " ")
	expr = strings.ReplaceAll(expr, "( ", "(")
	return strings.ReplaceAll(expr, " )", ")"), true
}

// operand resolves an identifier, allowing the "+" suffix that means "or any
// later version".
func operand(tok string) (string, bool) {
	if id, ok := LicenseID(tok); ok {
		return id, true
	}
	if base, ok := strings.CutSuffix(tok, "+"); ok {
		if id, ok := LicenseID(base); ok {
			return id + "+", true
		}
	}
	return "", false
}

func isOperator(tok string) bool {
	switch strings.ToUpper(tok) {
	case "AND", "OR", "WITH":
		return true
	}
	return false
}

// tokenize splits an expression into parentheses and words.
func tokenize(s string) []string {
	var tokens []string
	for _, f := range strings.Fields(s) {
		for f != "" {
			i := strings.IndexAny(f, "()")
			switch {
			case i < 0:
				tokens, f = append(tokens, f), ""
			case i == 0:
				tokens, f = append(tokens, f[:1]), f[1:]
			default:
				tokens, f = append(tokens, f[:i]), f[i:]
			}
		}
	}
	return tokens
}
