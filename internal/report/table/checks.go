package table

import (
	"fmt"

	"github.com/customs-oss/customs/internal/report"
)

// writeChecks says how many checks ran and lists every check that failed or
// was skipped: their findings are missing, and the reader must know.
func writeChecks(p *printer, checks []report.CheckStatus) {
	var failed, skipped []report.CheckStatus
	for _, c := range checks {
		switch c.Status {
		case report.StatusError:
			failed = append(failed, c)
		case report.StatusSkipped:
			skipped = append(skipped, c)
		}
	}
	ran := len(checks) - len(skipped)
	p.heading("CHECKS", fmt.Sprintf("%s ran · %d failed · %d skipped", plural(ran, "check"), len(failed), len(skipped)))
	for _, c := range failed {
		p.wrapped("  ", "FAILED   ", boldRed, clean(c.ID)+": "+clean(c.Error))
	}
	if len(failed) > 0 {
		p.line("  ", "         ", "the findings of failed checks are missing from this report")
	}
	for _, c := range skipped {
		p.line("  ", p.paint(dim, "skipped  "), clean(c.ID))
	}
}
