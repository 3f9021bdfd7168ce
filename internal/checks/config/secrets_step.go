package config

import (
	"strings"

	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// stepSecrets finds the secrets a history step records: build arguments,
// ENV, ARG and LABEL values, secrets in its shell script, and any token
// recognisable by its shape elsewhere in its text.
func stepSecrets(st step) []found {
	var out []found
	seen := map[string]bool{}
	add := func(f found) {
		if !seen[f.value] {
			seen[f.value] = true
			out = append(out, f)
		}
	}
	for _, a := range st.buildArgs {
		n, v, _ := strings.Cut(a, "=")
		if hit, ok := classify(n, v); ok {
			add(found{word: a, value: v, what: "build argument " + n, hit: hit})
		}
	}
	switch {
	case st.instruction == "ENV" || st.instruction == "ARG" || st.instruction == "LABEL":
		for _, p := range pairs(st.text) {
			if hit, ok := classify(p.name, p.value); ok {
				add(found{word: p.word, value: p.value, what: st.instruction + " " + p.name, hit: hit})
			}
		}
	case st.isScript():
		for _, f := range scriptSecrets(parseShell(st.text)) {
			add(f)
		}
	}
	if !anyToken(st.raw) {
		return out
	}
	for _, field := range strings.Fields(st.raw) {
		if f, ok := argSecret("", strings.Trim(field, `"'`), ""); ok && f.hit.severity == report.SeverityCritical {
			add(found{word: f.word, value: f.value, what: "text", hit: f.hit})
		}
	}
	if !hasKind(out, "private key") && tokenKind(st.raw) == "private key" {
		out = append(out, found{what: "text", hit: secretHit{severity: report.SeverityCritical, kind: "private key"}})
	}
	if !hasCritical(out) {
		// internal/redact knows a shape this package has no hint for.
		out = append(out, found{what: "text", hit: secretHit{severity: report.SeverityCritical, kind: "credential"}})
	}
	return out
}

// anyToken reports whether text holds a credential recognisable by its
// shape, asking internal/redact (passwords in URLs aside) and the shapes
// only this package knows.
func anyToken(text string) bool {
	if redact.HasToken(urlCredentials.ReplaceAllString(text, "")) {
		return true
	}
	for _, t := range extraTokens {
		if t.re.MatchString(text) {
			return true
		}
	}
	return false
}

func hasCritical(fs []found) bool {
	for _, f := range fs {
		if f.hit.severity == report.SeverityCritical {
			return true
		}
	}
	return false
}

func hasKind(fs []found, kind string) bool {
	for _, f := range fs {
		if f.hit.kind == kind {
			return true
		}
	}
	return false
}

// pair is one NAME=value of an ENV, ARG or LABEL instruction, with the word
// it was written as.
type pair struct {
	name, value, word string
}

// pairs reads "A=b C=d" and the older "NAME value with spaces".
func pairs(text string) []pair {
	var words []string
	parseShell(text).eachCommand(func(c command, _ pipeline, _ int) {
		words = append(words, c.args()...)
	})
	if len(words) == 0 {
		return nil
	}
	if !strings.Contains(words[0], "=") {
		name := words[0]
		value := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), name))
		return []pair{{name: name, value: value, word: value}}
	}
	var out []pair
	for _, w := range words {
		if n, v, ok := strings.Cut(w, "="); ok {
			out = append(out, pair{name: n, value: v, word: w})
		}
	}
	return out
}

// safeStep is the text of a history step with every secret masked, for
// evidence. When a secret cannot be located in the text, the whole text is
// masked rather than risk showing it.
func safeStep(st step) string {
	s := st.raw
	secrets := stepSecrets(st)
	if len(secrets) > maxMasked {
		return redact.Mask
	}
	for _, f := range secrets {
		if f.word == "" {
			continue // a private key block, which redact.Text masks whole
		}
		masked, ok := maskWord(s, f.word, f.value)
		if !ok {
			return redact.Mask
		}
		s = masked
	}
	return redactText(s)
}
