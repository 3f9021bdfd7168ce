package table

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// writeVerdict writes the policy, the counts and the verdict line, which
// always names the decision in capitals: ACCEPT, REVIEW or REJECT.
func writeVerdict(p *printer, r *report.Report) {
	v := r.Verdict
	p.heading("SUMMARY", fmt.Sprintf("%s: %s", plural(len(r.Findings), "finding"), severityCounts(r.Findings)))
	p.line("  policy: ", threshold("rejects", v.FailOn), ", ", threshold("asks for review", v.ReviewOn))
	for _, c := range r.Checks {
		if c.Status == report.StatusError {
			p.line("  ", p.paint(boldRed, "incomplete:"), " checks failed, so the verdict does not cover what they would have found")
			break
		}
	}
	decision := strings.ToUpper(clean(v.Decision))
	if decision == "" {
		decision = "NONE"
	}
	p.blank()
	line := p.paint(decisionStyle[v.Decision], "VERDICT: "+decision)
	if reason := clean(v.Reason); reason != "" {
		line += " — " + reason
	}
	p.line(line)
}

// threshold describes one policy threshold in words.
func threshold(action string, s report.Severity) string {
	if s == report.SeverityNone {
		return "never " + action
	}
	return action + " at " + s.String() + " and above"
}
