package files

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestDevice(t *testing.T) {
	for _, tc := range []struct {
		name   string
		layers []*facts.LayerFacts
		want   []brief
	}{
		{
			name: "the standard nodes of old base images",
			layers: []*facts.LayerFacts{lf(nil,
				dir("dev", 0o755), node("dev/null", facts.TypeCharDevice), node("dev/zero", facts.TypeCharDevice),
				node("dev/urandom", facts.TypeCharDevice), node("dev/console", facts.TypeCharDevice), node("dev/pts/ptmx", facts.TypeCharDevice),
				file("dev/file", 0o644), symlink("dev/fd", "/proc/self/fd"),
			)},
		},
		{
			name: "unusual nodes in /dev",
			layers: []*facts.LayerFacts{lf(nil,
				node("dev/sda", facts.TypeBlockDevice), node("dev/mem", facts.TypeCharDevice), node("dev/initctl", facts.TypeFIFO),
			)},
			want: []brief{
				{report.SeverityLow, "/dev/initctl", 0, -1},
				{report.SeverityLow, "/dev/mem", 0, -1},
				{report.SeverityLow, "/dev/sda", 0, -1},
			},
		},
		{
			name: "nodes outside /dev",
			layers: []*facts.LayerFacts{lf(nil,
				node("tmp/sda", facts.TypeBlockDevice), node("opt/kmem", facts.TypeCharDevice), node("run/app.fifo", facts.TypeFIFO),
				node("devices/null", facts.TypeCharDevice),
			)},
			want: []brief{
				{report.SeverityMedium, "/devices/null", 0, -1},
				{report.SeverityMedium, "/opt/kmem", 0, -1},
				{report.SeverityMedium, "/tmp/sda", 0, -1},
				{report.SeverityLow, "/run/app.fifo", 0, -1},
			},
		},
		{
			name:   "a deleted node keeps its severity",
			layers: []*facts.LayerFacts{lf(nil, node("srv/disk", facts.TypeBlockDevice)), lf(rm("srv"))},
			want:   []brief{{report.SeverityMedium, "/srv/disk", 0, 1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, device(), imageOf(tc.layers...))
			if diff := cmp.Diff(tc.want, briefs(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
