package backdoor

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var sshdInfo = check.Info{
	ID:       "backdoor/sshd",
	Version:  1,
	Title:    "The image starts an SSH server",
	Severity: report.SeverityMedium,
	Item:     report.ItemMalicious,
	Description: "A container is reached with docker exec or kubectl exec; an SSH server inside it is a second " +
		"door with its own keys and passwords, and the usual way in for whoever planted them. Reported when " +
		"ENTRYPOINT or CMD, the script they start, a supervisord, runit or s6 service, rc.local or an " +
		"entry-point script runs sshd (or service ssh start). Medium severity; high when the image also ships " +
		"an authorized_keys file.",
	Remediation: "Remove the SSH server and use docker exec or kubectl exec to reach the container. If SSH is " +
		"the product, generate host keys at start, accept keys only from a mounted secret and disable " +
		"password and root login.",
	References: []string{"https://attack.mitre.org/techniques/T1021/004/"},
}

// serviceStart starts the SSH service through an init system.
var serviceStart = regexp.MustCompile(`\b(?:service|rc-service)\s+sshd?\s+(?:start|restart)\b|/etc/init\.d/sshd?\s+(?:start|restart)\b|\bsystemctl\s+(?:start|restart)\s+sshd?\b`)

// startsSshd reports whether a command line starts the SSH daemon.
func startsSshd(cmd string) bool {
	if serviceStart.MatchString(cmd) {
		return true
	}
	if c, ok := unitCommand(cmd); ok {
		cmd = c
	}
	for _, prog := range programs(cmd) {
		if path.Base(prog) == "sshd" {
			return true
		}
	}
	return false
}

// sshdLines reports the lines of a launcher file that start sshd.
func sshdLines(e *facts.Entry, data []byte, h *hits) []report.Finding {
	for _, p := range h.pos[kSshd] {
		start, end := lineAt(data, p)
		line := string(data[start:end])
		if strings.HasPrefix(strings.TrimSpace(line), "#") || !startsSshd(line) {
			continue
		}
		f := sshdInfo.New(fmt.Sprintf("/%s line %d starts the SSH server", e.Path, lineNumber(data, start)),
			report.Evidence{Path: "/" + e.Path, Value: shown(line)})
		return []report.Finding{f}
	}
	return nil
}

// maxStartScript bounds the start script read for an sshd launch.
const maxStartScript = 64 << 10

func sshd() check.Constructor {
	return check.Image(sshdInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Config == nil {
			return nil, nil
		}
		cfg := img.Config.Config
		argv := strings.Join(append(append([]string{}, cfg.Entrypoint...), cfg.Cmd...), " ")
		var f *report.Finding
		if startsSshd(argv) {
			x := info.New("ENTRYPOINT/CMD start the SSH server each time the container starts", report.Evidence{ConfigKey: "config.Cmd", Value: shown(argv)})
			f = &x
		} else if script, line, ok := startScriptSshd(img, argv); ok {
			x := info.New(fmt.Sprintf("the start script /%s, run by ENTRYPOINT/CMD, starts the SSH server", script), report.Evidence{Path: "/" + script, Value: shown(line)})
			f = &x
		}
		if f == nil {
			return nil, nil
		}
		if keys := authorizedKeysFiles(img); len(keys) > 0 {
			f.Severity = report.SeverityHigh
			f.Message += fmt.Sprintf(", and the image ships %s (/%s): whoever holds that key can log in", plural(len(keys), "authorized_keys file"), keys[0])
		}
		return []report.Finding{*f}, nil
	})
}

// startScriptSshd reads the script the start command runs (when the scan
// kept its content) and returns the line that starts sshd.
func startScriptSshd(img *facts.Image, argv string) (string, string, bool) {
	for _, prog := range programs(argv) {
		p := prog
		if !path.IsAbs(p) {
			wd := "/"
			if img.Config != nil && img.Config.Config.WorkingDir != "" {
				wd = img.Config.Config.WorkingDir
			}
			p = path.Join(wd, p)
		}
		p = strings.TrimPrefix(path.Clean(p), "/")
		data, ok := img.Read(p)
		if !ok || !isText(data) {
			continue
		}
		data = data[:min(len(data), maxStartScript)]
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") && startsSshd(line) {
				return p, line, true
			}
		}
	}
	return "", "", false
}

// authorizedKeysFiles lists the visible authorized_keys files of the image.
func authorizedKeysFiles(img *facts.Image) []string {
	var out []string
	if img.FS == nil {
		return nil
	}
	img.FS.Walk(func(f *facts.File) {
		if f.Type == facts.TypeFile && keyFileName(f.Path) && !packageFixture(f.Path) {
			out = append(out, f.Path)
		}
	})
	return out
}

func plural(n int, what string) string {
	if n == 1 {
		return "an " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
