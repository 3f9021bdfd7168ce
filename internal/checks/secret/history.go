package secret

import (
	"bytes"
	"context"
	"fmt"
	"path"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var shellHistoryInfo = check.Info{
	ID:       "secret/shell-history",
	Version:  1,
	Title:    "Shell or client history left in the image",
	Severity: report.SeverityMedium,
	Item:     report.ItemLookInside,
	Description: "A non-empty history file of a shell or interactive client (.bash_history, .zsh_history, " +
		".ash_history, .sh_history, .python_history, .mysql_history, .psql_history, .sqlite_history, " +
		".node_repl_history, .rediscli_history) ships in a layer: it tells anyone who pulls the image what " +
		"was typed while it was built by hand, often passwords on command lines. Secrets inside it are " +
		"reported by secret/credential at their own severity.",
	Remediation: "Build images from a Dockerfile rather than by committing a container someone worked in, " +
		"and remove history files in the step that creates them.",
	References: []string{"https://docs.docker.com/reference/cli/docker/container/commit/"},
}

// historyFiles are the names of history files.
var historyFiles = map[string]bool{
	".bash_history": true, ".zsh_history": true, ".ash_history": true, ".sh_history": true,
	".history": true, ".python_history": true, ".mysql_history": true, ".psql_history": true,
	".sqlite_history": true, ".node_repl_history": true, ".rediscli_history": true,
}

type shellHistoryCheck struct{}

func shellHistory() check.Constructor {
	return func() check.Check { return shellHistoryCheck{} }
}

func (shellHistoryCheck) Info() check.Info { return shellHistoryInfo }

// Wants reads history files by name.
func (shellHistoryCheck) Wants(e *facts.Entry) bool {
	return e.Type == facts.TypeFile && e.Size > 0 && historyFiles[path.Base(e.Path)]
}

// CheckContent reports a history file with at least one command in it.
func (shellHistoryCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	n := 0
	lines(data, func(line []byte, _ int) {
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	})
	if n == 0 {
		return nil, nil
	}
	what := fmt.Sprintf("%d commands", n)
	if n == 1 {
		what = "1 command"
	}
	if int64(len(data)) < e.Size {
		what = "at least " + what
	}
	return []report.Finding{shellHistoryInfo.New(
		fmt.Sprintf("/%s records %s typed in the image, which tell how it was built and often include passwords", e.Path, what),
		report.Evidence{Path: "/" + e.Path, Value: what})}, nil
}
