package secret

import (
	"bytes"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// pypircLeaks finds the passwords of package-index accounts in a .pypirc.
// A PyPI API token (pypi-...) is a live credential; another password is
// rated high.
func pypircLeaks(data []byte) []leak {
	var out []leak
	lines(data, func(line []byte, off int) {
		key, v, voff, ok := keyValue(line, "=:")
		if !ok || !strings.EqualFold(key, "password") || isPlaceholder(string(v)) {
			return
		}
		sev, what := report.SeverityHigh, "a package-index password: it publishes packages as its owner"
		if bytes.HasPrefix(v, []byte("pypi-")) {
			sev, what = report.SeverityCritical, "a PyPI API token: it publishes packages as its owner"
		}
		start := off + voff
		out = append(out, leakAt(data, "pypirc-password", what, sev, start, start+len(v)))
	})
	return out
}
