package secret

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/report"
)

// maxLeaksPerFile bounds the findings of one file; one more finding sums up
// the rest.
const maxLeaksPerFile = 20

// leak is one secret found in a file, before it becomes a finding. secret
// points into the scanned data and never leaves this package unredacted.
type leak struct {
	// id names the rule or credential-store format that found it.
	id string
	// what says what the secret is and why it matters.
	what     string
	severity report.Severity
	line     int
	// start and end are the secret's offsets in the data.
	start, end int
}

// leakAt builds a leak for data[start:end].
func leakAt(data []byte, id, what string, sev report.Severity, start, end int) leak {
	return leak{id: id, what: what, severity: sev, line: lineOf(data, start), start: start, end: end}
}

// lineOf is the 1-based line number of offset off.
func lineOf(data []byte, off int) int {
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// mergeLeaks drops leaks whose secret overlaps one of higher severity (the
// same secret found by a credential-store parser and by a rule) and orders
// the rest by position.
func mergeLeaks(ls []leak) []leak {
	slices.SortStableFunc(ls, func(a, b leak) int {
		if a.severity != b.severity {
			return int(b.severity) - int(a.severity)
		}
		return a.start - b.start
	})
	var out []leak
	for _, l := range ls {
		if !slices.ContainsFunc(out, func(k leak) bool { return l.start < k.end && k.start < l.end }) {
			out = append(out, l)
		}
	}
	slices.SortStableFunc(out, func(a, b leak) int { return a.start - b.start })
	return out
}

// findings turns the leaks of one file into findings, redacting each secret
// to its fingerprint.
func leakFindings(info check.Info, path string, data []byte, ls []leak, note string) []report.Finding {
	var out []report.Finding
	for i, l := range ls {
		if i == maxLeaksPerFile {
			top := report.SeverityInfo
			for _, r := range ls[i:] {
				top = max(top, r.severity)
			}
			f := info.New(fmt.Sprintf("/%s holds %d more secrets that are not listed one by one", path, len(ls)-i), report.Evidence{Path: "/" + path})
			f.Severity = top
			out = append(out, f)
			break
		}
		fp := fingerprint(data[l.start:l.end])
		f := info.New(fmt.Sprintf("/%s line %d: %s (%s): %s%s", path, l.line, l.id, fp, l.what, note),
			report.Evidence{Path: "/" + path, Value: fmt.Sprintf("%s %s (line %d)", l.id, fp, l.line)})
		f.Severity = l.severity
		out = append(out, f)
	}
	return out
}
