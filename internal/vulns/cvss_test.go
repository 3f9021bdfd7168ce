package vulns

import (
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

func TestCVSS3(t *testing.T) {
	tests := []struct {
		name, vector string
		want         float64
		wantErr      bool
	}{
		{"critical network RCE", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, false},
		{"scope changed maximum", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0, false},
		{"CVE-2020-1967 denial of service", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, false},
		{"local privilege escalation", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8, false},
		{"reflected XSS", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, false},
		{"v3.0 vector", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9, false},
		{"temporal metrics ignored", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/E:P/RL:O", 7.5, false},
		{"no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0, false},
		{"missing metric", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", 0, true},
		{"bad value", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"duplicate metric", "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 0, true},
		{"v2 vector", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 0, true},
		{"v4 vector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CVSS3(tt.vector)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CVSS3(%q) error %v, want error %v", tt.vector, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("CVSS3(%q) = %v, want %v", tt.vector, got, tt.want)
			}
		})
	}
}

func TestCVSS2(t *testing.T) {
	tests := []struct {
		name, vector string
		want         float64
		wantErr      bool
	}{
		{"partial everything", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, false},
		{"complete everything", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, false},
		{"XSS", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, false},
		{"parenthesised", "(AV:L/AC:L/Au:N/C:C/I:C/A:C)", 7.2, false},
		{"no impact", "AV:N/AC:L/Au:N/C:N/I:N/A:N", 0, false},
		{"missing metric", "AV:N/AC:L/C:P/I:P/A:P", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CVSS2(tt.vector)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CVSS2(%q) error %v, want error %v", tt.vector, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("CVSS2(%q) = %v, want %v", tt.vector, got, tt.want)
			}
		})
	}
}

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
