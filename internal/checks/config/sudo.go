package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var sudoInfo = check.Info{
	ID:       "config/sudo",
	Version:  1,
	Title:    "sudo installed or granted",
	Severity: report.SeverityMedium,
	Item:     report.ItemPrivilege,
	Description: "A build step installs sudo or doas, writes a NOPASSWD rule for sudoers, or adds a user to the " +
		"sudo, wheel or admin group. A container that needs root for a task should be started as root for it; " +
		"sudo inside keeps a path to root open to anything that runs as the unprivileged user, and its setuid " +
		"binary is attack surface.",
	Remediation: "Remove sudo; do privileged work in build steps before USER, or run a separate container as root " +
		"when it is really needed.",
	References: []string{"CIS Docker Benchmark 4.1", "CIS Docker Benchmark 5.4"},
}

func sudo() check.Constructor {
	return check.Image(sudoInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Config == nil {
			return nil, errNoConfig
		}
		var out []report.Finding
		for _, src := range allScripts(img) {
			for _, h := range sudoGrants(src.script) {
				out = append(out, info.New(fmt.Sprintf("%s %s", src.where(), h.what), src.evidence(img, h.text)))
			}
		}
		return out, nil
	})
}

// privilegedGroups are the groups sudoers files grant root to by default.
var privilegedGroups = map[string]bool{"sudo": true, "wheel": true, "admin": true}

// sudoGrants finds, once each, the ways a script hands out root.
func sudoGrants(sc script) []runHit {
	var out []runHit
	seen := map[string]bool{}
	add := func(what string, c command) {
		if !seen[what] {
			seen[what] = true
			out = append(out, runHit{what: what, text: commandText(c)})
		}
	}
	sc.eachCommand(func(c command, _ pipeline, _ int) {
		prog := program(c.args())
		for _, pkg := range installedPackages(prog) {
			if pkg == "sudo" || pkg == "doas" || pkg == "opendoas" {
				add("installs "+pkg, c)
			}
		}
		texts := c.args()
		for _, r := range c.redirects {
			texts = append(texts, r.body)
		}
		for _, t := range texts {
			if strings.Contains(t, "NOPASSWD") {
				add("writes a NOPASSWD sudo rule", c)
			}
		}
		if g, ok := groupGrant(prog); ok {
			add("adds a user to the "+g+" group", c)
		}
	})
	return out
}

// groupGrant reports whether prog adds a user to a privileged group:
// usermod -aG sudo app, adduser app sudo, gpasswd -a app wheel,
// addgroup app wheel.
func groupGrant(prog []string) (string, bool) {
	if len(prog) < 2 {
		return "", false
	}
	switch base(prog[0]) {
	case "usermod", "useradd":
		c := parseArgs(prog[1:], syntax{short: "cdegGlpsuLkKR", long: longSet("--groups", "--append", "--gid", "--home", "--shell", "--uid", "--comment")})
		if v, ok := c.value("-G", "--groups"); ok {
			for _, g := range strings.Split(v, ",") {
				if privilegedGroups[g] {
					return g, true
				}
			}
		}
	case "adduser", "addgroup", "gpasswd":
		ops := operands(prog[1:])
		if len(ops) >= 2 && privilegedGroups[ops[len(ops)-1]] {
			return ops[len(ops)-1], true
		}
		if base(prog[0]) == "gpasswd" && len(ops) == 1 && privilegedGroups[ops[0]] {
			return ops[0], true
		}
	}
	return "", false
}
