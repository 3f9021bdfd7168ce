package startup

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/literals"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var backgroundInfo = check.Info{
	ID:       "startup/background",
	Version:  1,
	Title:    "Process started in the background at start-up",
	Severity: report.SeverityMedium,
	Item:     report.ItemScripts,
	Description: "Lists what the start-up chain (see startup/chain) starts in the background before the main process: " +
		"`cmd &`, `nohup cmd &`, `( ... ) &`, `setsid`, `start-stop-daemon --background`, `screen -dm`, `tmux new -d`, " +
		"`daemonize`. Such a process runs unseen beside the application, with its privileges, and is not what " +
		"`docker top` users expect. Medium; high when the program runs from /tmp, /dev/shm, /var/tmp or a hidden " +
		"directory; critical, as malicious content, when the command is a cryptominer or a reverse shell (a miner's " +
		"program name or pool URL, a shell redirected to /dev/tcp, nc -e).",
	Remediation: "Run one process per container, or a real supervisor whose configuration is part of the image's " +
		"documented behaviour; remove anything you cannot explain, and do not run an image that starts a miner or a " +
		"reverse shell.",
	References: []string{"https://docs.docker.com/engine/containers/multi-service_container/"},
}

func background() check.Constructor {
	return check.Image(backgroundInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		c := follow(img)
		if c == nil {
			return nil, nil
		}
		var out []report.Finding
		for _, b := range c.bg {
			if f, ok := backgroundFinding(info, img, b); ok {
				out = append(out, f)
			}
		}
		return out, nil
	})
}

func backgroundFinding(info check.Info, img *facts.Image, b backgrounded) (report.Finding, bool) {
	text := redact.Text(b.text)
	ind, bad := malicious(b.text)
	hidden := hiddenPlace(b.prog)
	if !bad && !hidden && isVariable(b.prog) {
		// "$@" & is the image's own main program started early (a
		// temporary server during initialisation): nothing to name.
		return report.Finding{}, false
	}
	msg := fmt.Sprintf("%s starts %s in the background before the main process", where(b.at), clip(text))
	f := info.New(msg, evidence(img, b.at, b.text))
	switch {
	case bad:
		f.Severity = report.SeverityCritical
		f.Item = report.ItemMalicious
		f.Message += fmt.Sprintf(": %s, the mark of %s, which works for whoever planted it on the CPU and network of whoever runs the image", ind.token, ind.what)
	case hidden:
		f.Severity = report.SeverityHigh
		f.Message += ": the program runs from a temporary or hidden directory, where an image's own software does not live"
	}
	return f, true
}

// indicator is a literal that marks a background command as malicious.
type indicator struct {
	token string
	what  string
	// with, when set, must also appear: /dev/tcp/ is malicious only when a
	// shell is redirected to it.
	with []string
}

var indicators = []indicator{
	{token: literals.Reversed("girmx"), what: "the XMRig cryptominer"},
	{token: literals.Reversed("//:pct+mutarts"), what: "a mining pool connection"},
	{token: literals.Reversed("//:lss+mutarts"), what: "a mining pool connection"},
	{token: literals.Reversed("//:pct+2mutarts"), what: "a mining pool connection"},
	{token: literals.Reversed("level-etanod--"), what: "a cryptominer's command line"},
	{token: literals.Reversed("renimupc"), what: "a cryptominer"},
	{token: literals.Reversed("drenim"), what: "a cryptominer"},
	{token: literals.Reversed("isfpmtvedk"), what: "the Kinsing cryptominer"},
	{token: literals.Reversed("gnisnik"), what: "the Kinsing malware"},
	{token: "/dev/tcp/", what: "a reverse shell", with: []string{"sh -i", "bash -i", "sh -c", "/bin/sh", "/bin/bash", "0>&1", ">&0"}},
	{token: "/dev/udp/", what: "a reverse shell", with: []string{"sh -i", "bash -i", "/bin/sh", "/bin/bash", "0>&1"}},
	{token: "nc -e", what: "a reverse shell"},
	{token: "ncat -e", what: "a reverse shell"},
	{token: "ncat --exec", what: "a reverse shell"},
	{token: "nc.traditional -e", what: "a reverse shell"},
	{token: "exec:/bin/sh", what: "a reverse shell"},
	{token: "exec:/bin/bash", what: "a reverse shell"},
}

// malicious finds a miner or reverse-shell indicator in a command. The
// list is short and literal: the miner and backdoor checks read the files
// themselves; this names what the chain starts.
func malicious(cmd string) (indicator, bool) {
	low := strings.ToLower(cmd)
	for _, ind := range indicators {
		if !strings.Contains(low, ind.token) {
			continue
		}
		if len(ind.with) == 0 {
			return ind, true
		}
		for _, w := range ind.with {
			if strings.Contains(low, w) {
				return ind, true
			}
		}
	}
	return indicator{}, false
}

// hiddenPlace reports whether a program path lies in a temporary or hidden
// directory.
func hiddenPlace(prog string) bool {
	if !strings.HasPrefix(prog, "/") && !strings.HasPrefix(prog, "./") {
		return false
	}
	for _, d := range []string{"/tmp/", "/dev/shm/", "/var/tmp/", "/run/shm/"} {
		if strings.HasPrefix(prog, d) {
			return true
		}
	}
	dir := prog[:strings.LastIndexByte(prog, '/')+1]
	return strings.Contains(dir, "/.") && !strings.Contains(dir, "/./") && !strings.Contains(dir, "/../")
}

// isVariable reports whether a program word is only an expansion.
func isVariable(prog string) bool { return strings.HasPrefix(prog, "$") || prog == "" }
