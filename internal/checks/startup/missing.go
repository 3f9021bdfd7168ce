package startup

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var missingInfo = check.Info{
	ID:       "startup/missing-script",
	Version:  1,
	Title:    "Start-up script refers to a missing file",
	Severity: report.SeverityMedium,
	Item:     report.ItemScripts,
	Description: "A script of the start-up chain (see startup/chain) sources or runs a file by a literal path that " +
		"is not in the image. The container fails at start, or runs something provided at run time (a mounted " +
		"volume) that the image does not show. The program named by ENTRYPOINT/CMD itself is checked by " +
		"config/entrypoint.",
	Remediation: "Add the file to the image or remove the reference; document what must be mounted for the " +
		"container to start.",
}

func missingScript() check.Constructor {
	return check.Image(missingInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		c := follow(img)
		if c == nil {
			return nil, nil
		}
		var out []report.Finding
		for _, m := range c.miss {
			name := redact.Text(m.name)
			msg := fmt.Sprintf("%s %s %s, which is not in the image", where(m.at), m.verb, clip(name))
			out = append(out, info.New(msg, evidence(img, m.at, m.name)))
		}
		return out, nil
	})
}
