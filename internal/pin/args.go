package pin

import "strings"

// argValue is an ARG default and where its literal text sits in the file.
type argValue struct {
	value      string
	start, end int // file byte range of the value, -1 when not contiguous
	line       int
}

// expansion is a word after ARG substitution.
type expansion struct {
	text string
	// arg is set when the word is exactly one ARG ("$BASE", "${BASE}"), so
	// the reference lives in that ARG's default.
	arg *argValue
	// missing names an ARG the word needs that has no value.
	missing string
	// substituted reports whether any variable was replaced.
	substituted bool
}

// maxExpansion bounds a word after substitution: an image reference is far
// shorter, and ARGs that double each other must not grow without limit.
const maxExpansion = 8 << 10

// tooLong is expansion.missing for a word longer than maxExpansion.
const tooLong = "\x00too long"

// expand substitutes $NAME, ${NAME}, ${NAME:-word} and ${NAME:+word} in a
// word with the ARG values known at this point of the Dockerfile.
func expand(word string, vars map[string]argValue) expansion {
	if !strings.Contains(word, "$") {
		return expansion{text: word}
	}
	if name, ok := soleVar(word); ok {
		v, found := vars[name]
		if !found {
			return expansion{text: word, missing: name, substituted: true}
		}
		return expansion{text: v.value, arg: &v, substituted: true}
	}
	var b strings.Builder
	e := expansion{substituted: true}
	for i := 0; i < len(word); i++ {
		if b.Len() > maxExpansion {
			e.missing = tooLong
			return e
		}
		c := word[i]
		if c == '\\' && i+1 < len(word) && word[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if c != '$' || i+1 == len(word) {
			b.WriteByte(c)
			continue
		}
		var name, op, alt string
		if word[i+1] == '{' {
			end := strings.IndexByte(word[i:], '}')
			if end < 0 {
				e.missing = word[i:]
				return e
			}
			inner := word[i+2 : i+end]
			i += end
			name = inner
			if k := strings.Index(inner, ":"); k >= 0 && k+1 < len(inner) && (inner[k+1] == '-' || inner[k+1] == '+') {
				name, op, alt = inner[:k], inner[k:k+2], inner[k+2:]
			}
		} else {
			j := i + 1
			for j < len(word) && isNameByte(word[j]) {
				j++
			}
			if j == i+1 {
				b.WriteByte(c)
				continue
			}
			name = word[i+1 : j]
			i = j - 1
		}
		v, found := vars[name]
		set := found && v.value != ""
		switch {
		case op == ":-" && !set:
			b.WriteString(alt)
		case op == ":+":
			if set {
				b.WriteString(alt)
			}
		case !found:
			e.missing = name
			return e
		default:
			b.WriteString(v.value)
		}
	}
	if b.Len() > maxExpansion {
		e.missing = tooLong
		return e
	}
	e.text = b.String()
	return e
}

// soleVar reports whether word is exactly "$NAME" or "${NAME}".
func soleVar(word string) (string, bool) {
	name, ok := strings.CutPrefix(word, "$")
	if !ok {
		return "", false
	}
	if inner, ok := strings.CutPrefix(name, "{"); ok {
		name, ok = strings.CutSuffix(inner, "}")
		if !ok {
			return "", false
		}
	}
	if name == "" {
		return "", false
	}
	for i := 0; i < len(name); i++ {
		if !isNameByte(name[i]) {
			return "", false
		}
	}
	return name, true
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
