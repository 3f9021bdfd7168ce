package secret

import (
	"bytes"
	"encoding/base64"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// npmrcLeaks finds registry credentials in an .npmrc: _authToken, _auth
// (base64 user:password) and _password, global or scoped to a registry
// ("//registry.npmjs.org/:_authToken=...").
func npmrcLeaks(data []byte) []leak {
	var out []leak
	lines(data, func(line []byte, off int) {
		key, v, voff, ok := keyValue(line, "=")
		if !ok || isPlaceholder(string(v)) {
			return
		}
		start := off + voff
		switch name := key[strings.LastIndexByte(key, ':')+1:]; name {
		case "_authToken":
			out = append(out, leakAt(data, "npmrc-auth-token", "an npm registry token: it publishes packages as its owner", report.SeverityCritical, start, start+len(v)))
		case "_auth":
			if userPass(v) {
				out = append(out, leakAt(data, "npmrc-auth", "npm registry credentials (base64 user:password)", report.SeverityCritical, start, start+len(v)))
			}
		case "_password":
			out = append(out, leakAt(data, "npmrc-password", "an npm registry password (base64)", report.SeverityHigh, start, start+len(v)))
		}
	})
	return out
}

// userPass reports whether v is base64 of "user:password" with both parts
// present, as registries' basic auth is stored.
func userPass(v []byte) bool {
	dec := make([]byte, base64.StdEncoding.DecodedLen(len(v)))
	n, err := base64.StdEncoding.Decode(dec, bytes.TrimSpace(v))
	if err != nil {
		return false
	}
	user, pass, ok := bytes.Cut(dec[:n], []byte{':'})
	return ok && len(user) > 0 && len(pass) > 0
}
