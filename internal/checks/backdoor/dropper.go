package backdoor

import (
	"context"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var dropperInfo = check.Info{
	ID:       "backdoor/dropper",
	Version:  1,
	Title:    "Dropper: payload downloaded or decoded and run",
	Severity: report.SeverityHigh,
	Item:     report.ItemMalicious,
	Description: "A dropper fetches or unpacks a program and runs it, so that what runs is not what was " +
		"inspected. In scripts and start-up hooks: a download piped into a shell (curl | sh, wget -qO- | bash, " +
		"sh -c \"$(curl ...)\") or saved, made executable and run; in scripts, hooks, ENV, CMD, ENTRYPOINT and " +
		"history: base64 or hex text decoded and run (echo ... | base64 -d | sh, exec(base64.b64decode(...)), " +
		"eval(base64_decode(...)), eval(decode_base64(...))). Encoded payloads are decoded (three levels deep, " +
		"1 MiB at most) and searched again. High severity; critical when the payload decodes to a reverse " +
		"shell, a miner or another download-and-run, or when a start-up hook downloads and runs. Downloads from " +
		"raw IP addresses or dynamic DNS, tunnel and paste hosts (duckdns.org, no-ip, ngrok, pastebin, " +
		"transfer.sh...) are named; without a run they are medium (high in a start-up hook). Plain curl | sh in " +
		"build steps is config/download-exec's. Inside tests, fixtures and documents of language packages " +
		"findings are low.",
	Remediation: "Decode the payload (the finding shows what it decodes to) and read it. Legitimate images " +
		"install software at build time from verified packages; a script that fetches or unpacks code at run " +
		"time should pin it by checksum. Do not run images that hide code in encoded text.",
	References: []string{
		"https://attack.mitre.org/techniques/T1105/",
		"https://attack.mitre.org/techniques/T1140/",
		"https://attack.mitre.org/techniques/T1027/",
	},
}

// dropper reads the image's configuration and history for encoded payloads
// and downloads from suspicious hosts; the script scan reports droppers in
// files under this check's ID.
func dropper() check.Constructor {
	eng := newEngine()
	return check.Image(dropperInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		return configFindings(eng, img, func(m match) (check.Info, report.Severity, bool) {
			switch m.what {
			case vEncoded:
				if m.malicious() {
					return info, report.SeverityCritical, true
				}
				return info, report.SeverityHigh, true
			case vDownloadExec:
				return info, report.SeverityHigh, m.host != ""
			case vRiskyDownload:
				return info, report.SeverityMedium, true
			}
			return info, 0, false
		}), nil
	})
}
