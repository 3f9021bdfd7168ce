package cleanimage

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/checks/list"
	"github.com/customs-oss/customs/internal/inventory/readers"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

// contentChecks returns the check families (ID prefixes) and single checks
// that look for malicious content. On an ordinary image none of them may
// report anything above Low. Hygiene checks (no USER, a shell in the
// image, an old base) legitimately fire on a bare rootfs and are only
// logged.
func contentChecks() []string {
	return []string{"miner/", "backdoor/", "secret/", "startup/", "knownbad/", "files/hidden-content"}
}

// isContentCheck reports whether the check ID is one of contentChecks.
func isContentCheck(id string) bool {
	for _, c := range contentChecks() {
		if id == c || (strings.HasSuffix(c, "/") && strings.HasPrefix(id, c)) {
			return true
		}
	}
	return false
}

// falseAlarms returns the findings of content checks above Low, and the
// content checks that failed to run (a check that errors on an ordinary
// image has left it unexamined).
func falseAlarms(r *report.Report) ([]report.Finding, []report.CheckStatus) {
	var alarms []report.Finding
	for _, f := range r.Findings {
		if isContentCheck(f.Check) && f.Severity > report.SeverityLow {
			alarms = append(alarms, f)
		}
	}
	var failed []report.CheckStatus
	for _, c := range r.Checks {
		if c.Status == report.StatusError {
			failed = append(failed, c)
		}
	}
	return alarms, failed
}

// describe formats a finding with everything its check's author needs to
// reproduce and fix it.
func describe(f report.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s", f.Severity, f.Check, f.Message)
	e := f.Evidence
	if e.Path != "" {
		fmt.Fprintf(&b, "\n\tpath: %s", e.Path)
	}
	if e.Layer != nil {
		fmt.Fprintf(&b, "\n\tlayer: %d", *e.Layer)
	}
	if e.HiddenBy != nil {
		fmt.Fprintf(&b, "\n\thidden by layer: %d", *e.HiddenBy)
	}
	if e.HistoryStep != nil {
		fmt.Fprintf(&b, "\n\thistory step: %d", *e.HistoryStep)
	}
	if e.ConfigKey != "" {
		fmt.Fprintf(&b, "\n\tconfig key: %s", e.ConfigKey)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, "\n\tvalue: %s", e.Value)
	}
	return b.String()
}

// options inspect with every registered check, without the layer cache so
// that the checks as they are now see every byte.
func options() scan.Options {
	return scan.Options{
		Checks:    list.All(),
		Walk:      walk.DefaultOptions(),
		Policy:    report.DefaultPolicy(),
		Inventory: readers.All(),
		Now:       func() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) },
	}
}

// inspect runs every registered check over the image at ref and logs how
// long it took.
func inspect(t testing.TB, ref string) *report.Report {
	t.Helper()
	start := time.Now()
	r, err := scan.Inspect(context.Background(), ref, options())
	if err != nil {
		t.Fatalf("inspecting %s: %v", ref, err)
	}
	t.Logf("inspected %s: %d files, %.1f MB uncompressed, %d checks, in %v",
		ref, r.Image.Files, float64(r.Image.Size)/1e6, len(r.Checks), time.Since(start).Round(time.Millisecond))
	return r
}

// assertClean fails the test for every content-check finding above Low,
// every check that failed and a rejection by the default policy (hygiene
// findings may ask for a review, never reject), and logs the other
// findings for visibility.
func assertClean(t *testing.T, r *report.Report) {
	t.Helper()
	alarms, failed := falseAlarms(r)
	for _, f := range alarms {
		t.Errorf("false alarm on an ordinary image:\n%s", describe(f))
	}
	for _, c := range failed {
		t.Errorf("check %s failed on an ordinary image: %s", c.ID, c.Error)
	}
	for _, f := range r.Findings {
		if !isContentCheck(f.Check) || f.Severity <= report.SeverityLow {
			t.Logf("finding (allowed): %s", strings.ReplaceAll(describe(f), "\n", " "))
		}
	}
	t.Logf("verdict: %s (%s)", r.Verdict.Decision, r.Verdict.Reason)
	if r.Verdict.Decision == "reject" {
		t.Errorf("an ordinary image is rejected: %s", r.Verdict.Reason)
	}
}
