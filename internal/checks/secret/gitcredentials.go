package secret

import (
	"bytes"
	"net/url"

	"github.com/customs-oss/customs/internal/report"
)

// gitCredentialLeaks finds the stored URLs with a password or token of git's
// credential store ("https://user:token@github.com").
func gitCredentialLeaks(data []byte) []leak {
	var out []leak
	lines(data, func(line []byte, off int) {
		line = bytes.TrimSpace(line)
		u, err := url.Parse(string(line))
		if err != nil || u.User == nil {
			return
		}
		pass, ok := u.User.Password()
		if !ok || isPlaceholder(pass) {
			return
		}
		at := bytes.LastIndexByte(line, '@')
		colon := bytes.IndexByte(line[bytes.Index(line, []byte("//"))+2:], ':')
		if at < 0 || colon < 0 {
			return
		}
		start := bytes.Index(line, []byte("//")) + 2 + colon + 1
		if start >= at {
			return
		}
		base := off + bytes.Index(data[off:], line)
		out = append(out, leakAt(data, "git-credentials", "a stored git password or token for "+u.Hostname()+": it reads and pushes its repositories", report.SeverityCritical, base+start, base+at))
	})
	return out
}
