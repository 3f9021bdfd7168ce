package cleanimage

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/report"
)

// TestFalseAlarms pins which findings fail the suite: content checks above
// Low and failed checks do; hygiene findings and Low content findings do not.
func TestFalseAlarms(t *testing.T) {
	r := &report.Report{
		Findings: []report.Finding{
			{Check: "miner/binary", Severity: report.SeverityCritical},
			{Check: "secret/private-key", Severity: report.SeverityMedium},
			{Check: "backdoor/reverse-shell", Severity: report.SeverityLow},
			{Check: "startup/chain", Severity: report.SeverityInfo},
			{Check: "knownbad/image", Severity: report.SeverityHigh},
			{Check: "files/hidden-content", Severity: report.SeverityHigh},
			{Check: "files/setuid", Severity: report.SeverityHigh},
			{Check: "config/root-user", Severity: report.SeverityHigh},
			{Check: "secretive/other", Severity: report.SeverityCritical},
		},
		Checks: []report.CheckStatus{
			{ID: "miner/binary", Status: report.StatusOK},
			{ID: "base/eol", Status: report.StatusError, Error: "boom"},
		},
	}
	alarms, failed := falseAlarms(r)
	var got []string
	for _, f := range alarms {
		got = append(got, f.Check)
	}
	want := []string{"miner/binary", "secret/private-key", "knownbad/image", "files/hidden-content"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("false alarms (-want +got):\n%s", diff)
	}
	if len(failed) != 1 || failed[0].ID != "base/eol" {
		t.Errorf("failed checks %+v, want base/eol", failed)
	}
}

func TestDescribe(t *testing.T) {
	f := report.Finding{
		Check: "secret/aws", Severity: report.SeverityCritical, Message: "AWS access key",
		Evidence: report.Evidence{Path: "/app/.env", Layer: report.Int(2), Value: "AKIA[REDACTED]"},
	}
	got := describe(f)
	for _, want := range []string{"critical secret/aws: AWS access key", "path: /app/.env", "layer: 2", "value: AKIA[REDACTED]"} {
		if !strings.Contains(got, want) {
			t.Errorf("describe = %q, missing %q", got, want)
		}
	}
}
