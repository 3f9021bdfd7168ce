package publisher

import (
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/report"
)

// TestPolicyThresholds checks that the policy's popularity thresholds
// replace the defaults they set, and only those.
func TestPolicyThresholds(t *testing.T) {
	tests := []struct {
		name string
		pol  report.Popularity
		want Thresholds
	}{
		{"defaults", report.Popularity{}, Thresholds{MinPulls: DefaultMinPulls, MinAgeDays: DefaultMinAgeDays, StaleDays: DefaultStaleDays}},
		{"pulls only", report.Popularity{MinPulls: 50000}, Thresholds{MinPulls: 50000, MinAgeDays: DefaultMinAgeDays, StaleDays: DefaultStaleDays}},
		{"all", report.Popularity{MinPulls: 10, MinAgeDays: 7, StaleDays: 365}, Thresholds{MinPulls: 10, MinAgeDays: 7, StaleDays: 365}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := popularity()().(*popularityCheck)
			c.SetEnv(check.Env{Popularity: tt.pol})
			if c.limits != tt.want {
				t.Errorf("limits = %+v, want %+v", c.limits, tt.want)
			}
		})
	}
}
