package startup

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var chainInfo = check.Info{
	ID:       "startup/chain",
	Version:  1,
	Title:    "Start-up chain",
	Severity: report.SeverityInfo,
	Item:     report.ItemScripts,
	Description: "When the container starts a shell script (an entrypoint script or `sh -c`), follows it through the " +
		"scripts it sources and runs (including the `docker-entrypoint.d` convention, `run-parts` and globs over a " +
		"directory), the `set -- ... \"$@\"` and `exec \"$@\"` hand-over to CMD and wrappers such as gosu, su-exec and " +
		"tini, to the main process, and shows the chain. It complements config/entrypoint, which names the program " +
		"the container starts. A script the chain runs but whose content the scan did not keep (larger than 64 KiB, " +
		"or in a system directory) is named so that it can be read by hand.",
	Remediation: "Read every script of the chain before running the image; anything it starts besides the main " +
		"process runs with the container's privileges.",
	References: []string{"https://docs.docker.com/reference/dockerfile/#entrypoint"},
}

func chainCheck() check.Constructor {
	return check.Image(chainInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		c := follow(img)
		if c == nil {
			return nil, nil
		}
		msg := "start-up chain: " + c.describe()
		out := []report.Finding{info.New(msg, evidence(img, *c.entry, msg))}
		for _, u := range c.unread {
			m := fmt.Sprintf("%s runs %s, whose content the scan did not keep (larger than 64 KiB or in a system "+
				"directory): the chain stops there; read it by hand", where(u.at), u.path)
			out = append(out, info.New(m, evidence(img, u.at, u.path)))
		}
		return out, nil
	})
}

// describe writes the chain: "/docker-entrypoint.sh → runs /x.sh → exec nginx".
func (c *chain) describe() string {
	var parts []string
	for i, s := range c.steps {
		t := redact.Text(s.target)
		if i == 0 && s.verb == "" {
			parts = append(parts, t)
			continue
		}
		parts = append(parts, strings.TrimSpace(verbOr(s.verb, "runs")+" "+t))
	}
	if !c.done && c.last != "" {
		parts = append(parts, "no exec: the last command, "+redact.Text(c.last)+", runs while the script waits")
	}
	if c.truncated {
		parts = append(parts, fmt.Sprintf("… (stopped after %d files or %d commands)", maxFiles, maxCommands))
	}
	out := strings.Join(parts, " → ")
	if len(out) > 2000 {
		out = clip(out[:2000])
	}
	return out
}
