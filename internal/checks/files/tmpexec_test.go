package files

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestTmpExecutable(t *testing.T) {
	for _, tc := range []struct {
		name     string
		layers   []*facts.LayerFacts
		want     []brief
		messages []string
	}{
		{
			name: "data files, directories and executables elsewhere",
			layers: []*facts.LayerFacts{lf(nil,
				dir("tmp", 0o777|sticky), dir("tmp/cache", 0o755), file("tmp/data.json", 0o644), symlink("tmp/sh", "/bin/sh"),
				file("usr/bin/tool", 0o755), file("tmpfoo/run", 0o755), file("var/tmpx/run", 0o755),
			)},
		},
		{
			name: "executables in each temporary directory",
			layers: []*facts.LayerFacts{lf(nil,
				file("tmp/install.sh", 0o755), file("var/tmp/x/miner", 0o700), file("dev/shm/.k", 0o744),
			)},
			want: []brief{
				{report.SeverityMedium, "/dev/shm/.k", 0, -1},
				{report.SeverityMedium, "/tmp/install.sh", 0, -1},
				{report.SeverityMedium, "/var/tmp/x/miner", 0, -1},
			},
			messages: []string{
				"executable /dev/shm/.k is in the temporary directory /dev/shm",
				"executable /tmp/install.sh is in the temporary directory /tmp",
				"executable /var/tmp/x/miner is in the temporary directory /var/tmp",
			},
		},
		{
			name:     "deleted by a later layer, still shipped",
			layers:   []*facts.LayerFacts{lf(nil, file("tmp/get.sh", 0o755)), lf(nil), lf(rm("tmp/get.sh"))},
			want:     []brief{{report.SeverityMedium, "/tmp/get.sh", 0, 2}},
			messages: []string{"executable /tmp/get.sh is in the temporary directory /tmp; layer 2 deleted or replaced it, but it still ships in layer 0"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, tmpExecutable(), imageOf(tc.layers...))
			if diff := cmp.Diff(tc.want, briefs(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tc.messages != nil {
				if diff := cmp.Diff(tc.messages, messages(got)); diff != "" {
					t.Errorf("messages (-want +got):\n%s", diff)
				}
			}
		})
	}
}
