package table

import (
	"fmt"
	"slices"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// findingIndent lines up a finding's message, evidence and fix under its
// title, past the severity tag.
var findingIndent = strings.Repeat(" ", 2+tagWidth+2)

// writeFindings writes the findings grouped by checklist item, in item
// order, most severe first within an item. A fix and references shared with
// the previous finding of the same check are not repeated.
func writeFindings(p *printer, findings []report.Finding) {
	fs := slices.Clone(findings)
	report.SortFindings(fs)
	if len(fs) == 0 {
		p.heading("FINDINGS", "none")
		return
	}
	p.heading("FINDINGS", fmt.Sprintf("%d: %s", len(fs), severityCounts(fs)))
	var prev *report.Finding
	for i := range fs {
		f := &fs[i]
		if prev == nil || f.Item != prev.Item {
			p.blank()
			p.line(p.paint(bold, fmt.Sprintf("%d. %s", int(f.Item), f.Item.Title())))
			prev = nil
		}
		same := prev != nil && prev.Check == f.Check
		writeFinding(p, *f, same && prev.Remediation == f.Remediation, same && slices.Equal(prev.References, f.References))
		prev = f
	}
}

// writeFinding writes one finding: tag and title, message, evidence, fix and
// references, leaving out the fix or references when told they were just
// shown.
func writeFinding(p *printer, f report.Finding, fixShown, refsShown bool) {
	title := clean(f.Title)
	if title == "" {
		title = clean(f.Check)
	}
	p.line("  ", p.tag(f.Severity), "  ", p.paint(bold, title), "  ", p.paint(dim, clean(f.Check)))
	if msg := clean(redacted(f.Message)); msg != "" {
		p.wrapped(findingIndent, "", "", msg)
	}
	if ev := evidence(f.Evidence); len(ev) > 0 {
		p.list(findingIndent, "at ", dim, ev)
	}
	if fix := clean(f.Remediation); fix != "" && !fixShown {
		p.wrapped(findingIndent, "fix: ", green, fix)
	}
	if len(f.References) > 0 && !refsShown {
		refs := make([]string, len(f.References))
		for i, ref := range f.References {
			refs[i] = clean(ref)
		}
		p.list(findingIndent, "see: ", dim, refs)
	}
}

// severityCounts is "2 critical · 1 high · 0 medium · 0 low · 3 info".
func severityCounts(fs []report.Finding) string {
	n := map[report.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	parts := make([]string, 0, 5)
	for s := report.SeverityCritical; s >= report.SeverityInfo; s-- {
		parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
	}
	return strings.Join(parts, " · ")
}
