package vulns

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
)

func TestFromScore(t *testing.T) {
	tests := []struct {
		score float64
		want  report.Severity
	}{
		{10, report.SeverityCritical}, {9.0, report.SeverityCritical}, {8.9, report.SeverityHigh},
		{7.0, report.SeverityHigh}, {6.9, report.SeverityMedium}, {4.0, report.SeverityMedium},
		{3.9, report.SeverityLow}, {0.1, report.SeverityLow}, {0, report.SeverityInfo},
	}
	for _, tt := range tests {
		if got := FromScore(tt.score); got != tt.want {
			t.Errorf("FromScore(%v) = %v, want %v", tt.score, got, tt.want)
		}
	}
}

func TestFromVectors(t *testing.T) {
	const (
		v4     = "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
		v4None = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N"
		v31    = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
		v30    = "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"
		v2     = "AV:N/AC:L/Au:N/C:P/I:P/A:P"
	)
	tests := []struct {
		name   string
		sevs   []osv.Severity
		want   Rating
		wantOK bool
	}{
		{"v4 over a higher v3.1", []osv.Severity{{Type: "CVSS_V3", Score: v31}, {Type: "CVSS_V4", Score: v4}},
			Rating{report.SeverityHigh, 8.5, v4, true}, true},
		{"v3.1 over v3.0 and v2", []osv.Severity{{Type: "CVSS_V2", Score: v2}, {Type: "CVSS_V3", Score: v30}, {Type: "CVSS_V3", Score: v31}},
			Rating{report.SeverityCritical, 9.8, v31, true}, true},
		{"v3.0 over v2", []osv.Severity{{Type: "CVSS_V2", Score: v2}, {Type: "CVSS_V3", Score: v30}},
			Rating{report.SeverityMedium, 5.9, v30, true}, true},
		{"v2 alone", []osv.Severity{{Type: "CVSS_V2", Score: v2}},
			Rating{report.SeverityHigh, 7.5, v2, true}, true},
		{"broken v4 passed over", []osv.Severity{{Type: "CVSS_V4", Score: "CVSS:4.0/AV:N"}, {Type: "CVSS_V3", Score: v31}},
			Rating{report.SeverityCritical, 9.8, v31, true}, true},
		{"v4 no impact is info", []osv.Severity{{Type: "CVSS_V4", Score: v4None}},
			Rating{report.SeverityInfo, 0, v4None, true}, true},
		{"first of one version wins", []osv.Severity{{Type: "CVSS_V4", Score: v4None}, {Type: "CVSS_V4", Score: v4}},
			Rating{report.SeverityInfo, 0, v4None, true}, true},
		{"type and vector disagree", []osv.Severity{{Type: "CVSS_V4", Score: v31}}, Rating{}, false},
		{"no CVSS", []osv.Severity{{Type: "Ubuntu", Score: "high"}}, Rating{}, false},
		{"nothing", nil, Rating{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := fromVectors(tt.sevs)
			if ok != tt.wantOK {
				t.Fatalf("fromVectors ok = %v, want %v", ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("fromVectors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRateEntryBeforeRecord checks that a vector on the matched affected
// entry stands even when the record has a newer CVSS version.
func TestRateEntryBeforeRecord(t *testing.T) {
	const v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"
	v := osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V4", Score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}}}
	a := osv.Affected{Severity: []osv.Severity{{Type: "CVSS_V3", Score: v31}}}
	want := Rating{report.SeverityHigh, 7.5, v31, true}
	if diff := cmp.Diff(want, rate(&v, &a)); diff != "" {
		t.Errorf("rate (-want +got):\n%s", diff)
	}
}
