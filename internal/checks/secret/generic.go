package secret

import (
	"bytes"
	"regexp"
)

// codeReference matches a dotted member access such as forge.pbe.generateKey
// or _ref4.allOwnKeys: the right-hand side of an assignment in source code,
// not a secret.
var codeReference = regexp.MustCompile(`^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$`)

// minifiedLine is the line length beyond which a line is bundled or
// minified code, where a generic assignment is almost always code.
const minifiedLine = 1000

// genericNoise reports whether a match of a generic rule is code or prose
// rather than a configured value: a member access, a match in a minified
// bundle, or a match on a comment line (documentation such as "Public key
// pin-sha256: ...").
func genericNoise(secret, line []byte) bool {
	if codeReference.Match(secret) || len(line) > minifiedLine {
		return true
	}
	l := bytes.TrimLeft(line, " \t")
	return bytes.HasPrefix(l, []byte("*")) || bytes.HasPrefix(l, []byte("//")) || bytes.HasPrefix(l, []byte("/*")) ||
		bytes.HasPrefix(l, []byte("#")) || bytes.HasPrefix(l, []byte("<!--"))
}
