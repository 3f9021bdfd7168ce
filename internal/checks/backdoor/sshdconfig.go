package backdoor

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// maxConfigLines bounds the sshd_config lines read.
const maxConfigLines = 8192

// sshdSetting is one keyword of sshd_config with its line.
type sshdSetting struct {
	line  int
	value string
}

// parseSshdConfig returns the first value of each keyword (sshd keeps the
// first one it reads) outside Match blocks, keyed in lower case.
func parseSshdConfig(data []byte) map[string]sshdSetting {
	out := map[string]sshdSetting{}
	for n, raw := range bytes.SplitN(data, []byte{'\n'}, maxConfigLines+1) {
		if n == maxConfigLines {
			break
		}
		s := strings.TrimSpace(string(raw[:min(len(raw), maxKeyLine)]))
		if s == "" || s[0] == '#' {
			continue
		}
		key, value, _ := strings.Cut(strings.Replace(s, "=", " ", 1), " ")
		key = strings.ToLower(key)
		if key == "match" {
			break
		}
		if _, seen := out[key]; !seen {
			out[key] = sshdSetting{line: n + 1, value: strings.TrimSpace(value)}
		}
	}
	return out
}

// sshdConfigFindings reports the settings that open the SSH server to
// anyone or read keys from where anyone can write them.
func sshdConfigFindings(e *facts.Entry, data []byte) []report.Finding {
	if !isText(data) {
		return nil
	}
	cfg := parseSshdConfig(data)
	var out []report.Finding
	add := func(key string, sev report.Severity, why string) {
		s := cfg[key]
		f := authorizedKeysInfo.New(fmt.Sprintf("/%s line %d: %s", e.Path, s.line, why), report.Evidence{Path: "/" + e.Path, Value: shown(key + " " + s.value)})
		f.Severity = sev
		out = append(out, f)
	}
	rootLogin := strings.EqualFold(cfg["permitrootlogin"].value, "yes")
	if strings.EqualFold(cfg["permitemptypasswords"].value, "yes") {
		why := "PermitEmptyPasswords yes lets accounts without a password log in"
		if rootLogin {
			why += ", and PermitRootLogin yes lets root log in with a password"
		}
		add("permitemptypasswords", report.SeverityHigh, why)
	} else if rootLogin {
		add("permitrootlogin", report.SeverityMedium, "PermitRootLogin yes lets root log in with a password")
	}
	for _, key := range []string{"authorizedkeysfile", "authorizedkeyscommand"} {
		for _, p := range strings.Fields(cfg[key].value) {
			if tempProgram(p) || strings.HasPrefix(p, ".") && !strings.HasPrefix(p, ".ssh/") {
				add(key, report.SeverityHigh, fmt.Sprintf("%s points to %s, a temporary or hidden location where keys can be added unseen", key, shown(p)))
				break
			}
		}
	}
	return out
}
