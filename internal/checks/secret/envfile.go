package secret

import (
	"bytes"

	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// envLeaks finds the values of secret-named variables in a dotenv file
// (KEY=value, optionally after export). A long, random-looking value is
// rated high, a short or word-like one medium; placeholders and references
// to other variables are not secrets.
func envLeaks(data []byte) []leak {
	var out []leak
	lines(data, func(line []byte, off int) {
		trimmed := bytes.TrimLeft(line, " \t")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			return
		}
		lead := len(line) - len(trimmed)
		if rest, ok := bytes.CutPrefix(trimmed, []byte("export ")); ok {
			lead += len(trimmed) - len(rest)
			trimmed = rest
		}
		key, v, voff, ok := keyValue(trimmed, "=")
		if !ok || !redact.IsSecretName(key) || isPlaceholder(string(v)) {
			return
		}
		sev := report.SeverityMedium
		if len(v) >= 12 && entropy(v) >= 3 {
			sev = report.SeverityHigh
		}
		start := off + lead + voff
		out = append(out, leakAt(data, "dotenv-secret", "the value of "+key+" in a dotenv file that the application loads at start", sev, start, start+len(v)))
	})
	return out
}
