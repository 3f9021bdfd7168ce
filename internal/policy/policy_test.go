package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/report"
)

func TestParse(t *testing.T) {
	def := report.DefaultPolicy()
	tests := []struct {
		name    string
		in      string
		want    report.Policy
		wantErr string
	}{
		{name: "empty", in: "", want: def},
		{name: "comments only", in: "# nothing\n", want: def},
		{name: "thresholds", in: "failOn: high\nreviewOn: medium\n",
			want: report.Policy{FailOn: report.SeverityHigh, ReviewOn: report.SeverityMedium}},
		{name: "never fail", in: "failOn: none\n",
			want: report.Policy{FailOn: report.SeverityNone, ReviewOn: def.ReviewOn}},
		{name: "ignore", in: "ignore:\n  - config/no-healthcheck\n  - pin/latest-tag\n",
			want: report.Policy{FailOn: def.FailOn, ReviewOn: def.ReviewOn, Ignore: []string{"config/no-healthcheck", "pin/latest-tag"}}},
		{name: "json", in: `{"failOn": "medium"}`,
			want: report.Policy{FailOn: report.SeverityMedium, ReviewOn: def.ReviewOn}},
		{name: "popularity", in: "popularity:\n  minPulls: 50000\n  minAgeDays: 90\n",
			want: report.Policy{FailOn: def.FailOn, ReviewOn: def.ReviewOn, Popularity: report.Popularity{MinPulls: 50000, MinAgeDays: 90}}},
		{name: "negative popularity", in: "popularity: {minPulls: -1}\n", wantErr: "popularity"},
		{name: "absurd popularity", in: "popularity: {staleDays: 100000}\n", wantErr: "popularity"},
		{name: "unknown popularity key", in: "popularity: {pulls: 3}\n", wantErr: "field pulls not found"},
		{name: "unknown key", in: "failon: high\n", wantErr: "field failon not found"},
		{name: "bad severity", in: "failOn: severe\n", wantErr: "failOn"},
		{name: "bad review", in: "reviewOn: 3\n", wantErr: "reviewOn"},
		{name: "not a map", in: "- a\n- b\n", wantErr: "parsing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("policy mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(good, []byte("failOn: high\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := Load(good)
	if err != nil || p.FailOn != report.SeverityHigh {
		t.Fatalf("Load = %+v, %v", p, err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", maxSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load of an oversized policy: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

// FuzzParse checks that any document either fails cleanly or yields
// thresholds that are valid severities.
func FuzzParse(f *testing.F) {
	f.Add("failOn: high\nreviewOn: low\nignore: [a/b]\n")
	f.Add("{}")
	f.Add("&a [*a, *a, *a]")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse([]byte(s))
		if err != nil {
			return
		}
		for _, sev := range []report.Severity{p.FailOn, p.ReviewOn} {
			if sev != report.SeverityNone && (sev < report.SeverityInfo || sev > report.SeverityCritical) {
				t.Fatalf("Parse(%q) gave severity %d", s, sev)
			}
		}
	})
}
