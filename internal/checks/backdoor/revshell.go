package backdoor

import (
	"context"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var reverseShellInfo = check.Info{
	ID:       "backdoor/reverse-shell",
	Version:  1,
	Title:    "Reverse shell",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "A reverse shell connects out to an attacker and hands over a shell: whoever listens at the other " +
		"end controls the container, with its privileges, network and secrets. Found in scripts, start-up hooks, " +
		"ENV, CMD, ENTRYPOINT and history, also inside encoded payloads: bash redirected to /dev/tcp, nc -e, ncat " +
		"--exec, socat exec:, a shell wired to nc, telnet or openssl through a named pipe, awk /inet/tcp, and the " +
		"socket-and-shell one-liners of Python, Perl, PHP, Ruby and Node.js. The shell-spawning part is required: " +
		"/dev/tcp alone is how bash scripts probe a port. Inside tests, fixtures and documents of language " +
		"packages (node_modules, site-packages) it is reported at low severity: such files quote attacks to test " +
		"against them.",
	Remediation: "Do not run the image. Find which layer added the file or which build step set the command " +
		"(both are named), and treat the image, its publisher and anything that ran it as compromised.",
	References: []string{
		"https://attack.mitre.org/techniques/T1059/004/",
		"https://github.com/swisskyrepo/PayloadsAllTheThings/blob/master/Methodology%20and%20Resources/Reverse%20Shell%20Cheatsheet.md",
	},
}

// reverseShell reads the image's configuration and history; the script
// scan reports the reverse shells in files under this check's ID.
func reverseShell() check.Constructor {
	eng := newEngine()
	return check.Image(reverseShellInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		return configFindings(eng, img, func(m match) (check.Info, report.Severity, bool) {
			return info, info.Severity, m.what == vReverseShell
		}), nil
	})
}
