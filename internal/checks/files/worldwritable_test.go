package files

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestWorldWritable(t *testing.T) {
	for _, tc := range []struct {
		name     string
		layers   []*facts.LayerFacts
		want     []brief
		messages []string // when set, the messages in order
	}{
		{
			name: "sticky directories, symlinks, devices and private files are fine",
			layers: []*facts.LayerFacts{lf(nil,
				dir("tmp", 0o777|sticky), dir("var/tmp", 0o777|sticky), symlink("bin", "usr/bin"),
				node("dev/null", facts.TypeCharDevice), node("run/fifo", facts.TypeFIFO),
				file("app/run", 0o775), dir("app/data", 0o770),
				facts.Entry{Path: "app/link", Type: facts.TypeHardlink, Mode: 0o777, Linkname: "app/run"},
			)},
		},
		{
			name:   "a world-writable directory and what is beneath it",
			layers: []*facts.LayerFacts{lf(nil, dir("app", 0o777), file("app/settings.ini", 0o666), dir("app/cache", 0o777), file("app/cache/x", 0o666), file("app/private", 0o600), dir("app2", 0o755))},
			want:   []brief{{report.SeverityMedium, "/app", 0, -1}},
			messages: []string{"directory /app is world-writable without the sticky bit: any user can add, replace or delete files in it; " +
				"3 entries beneath it are world-writable too: /app/cache, /app/cache/x, /app/settings.ini"},
		},
		{
			name:     "a single world-writable file",
			layers:   []*facts.LayerFacts{lf(nil, dir("srv", 0o755), file("srv/config.yaml", 0o646))},
			want:     []brief{{report.SeverityMedium, "/srv/config.yaml", 0, -1}},
			messages: []string{"file /srv/config.yaml is world-writable: any user can change it"},
		},
		{
			name: "world-writable files of one directory share a finding",
			layers: []*facts.LayerFacts{lf(nil,
				file("srv/a", 0o666), dir("srv/sub", 0o755), file("srv/sub/c", 0o666), file("srv/b", 0o666), file("srv/d", 0o666), file("srv/e", 0o666),
			)},
			want: []brief{{report.SeverityMedium, "/srv", 0, -1}, {report.SeverityMedium, "/srv/sub/c", 0, -1}},
			messages: []string{
				"4 files in /srv are world-writable: any user can change them: /srv/a, /srv/b, /srv/d, and 1 more",
				"file /srv/sub/c is world-writable: any user can change it",
			},
		},
		{
			name: "places other users and root run from are high",
			layers: []*facts.LayerFacts{lf(nil,
				dir("usr/local/bin", 0o777), file("etc/passwd", 0o666), file("opt/app/run.sh", 0o777),
			)},
			want: []brief{
				{report.SeverityHigh, "/etc/passwd", 0, -1},
				{report.SeverityHigh, "/opt/app/run.sh", 0, -1},
				{report.SeverityHigh, "/usr/local/bin", 0, -1},
			},
		},
		{
			name:   "only what is in effect at run time: a later chmod fixes it",
			layers: []*facts.LayerFacts{lf(nil, dir("app", 0o777), file("app/a", 0o666)), lf(nil, dir("app", 0o755), file("app/a", 0o644))},
		},
		{
			name:   "only what is in effect at run time: a later chmod breaks it",
			layers: []*facts.LayerFacts{lf(nil, dir("app", 0o755), file("app/a", 0o644)), lf(nil, dir("app", 0o777))},
			want:   []brief{{report.SeverityMedium, "/app", 1, -1}},
		},
		{
			name:     "world-writable files at the root",
			layers:   []*facts.LayerFacts{lf(nil, file("a", 0o666), file("b", 0o666))},
			want:     []brief{{report.SeverityMedium, "/", 0, -1}},
			messages: []string{"2 files in / are world-writable: any user can change them: /a, /b"},
		},
		{
			name:   "deleted files are not in effect",
			layers: []*facts.LayerFacts{lf(nil, file("srv/a", 0o666)), lf(rm("srv/a"))},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, worldWritable(), imageOf(tc.layers...))
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

// TestWorldWritableBounded: chmod -R 777 over a large tree, or over many
// directories, gives a bounded number of findings that still count everything.
func TestWorldWritableBounded(t *testing.T) {
	var tree, scattered []facts.Entry
	tree = append(tree, dir("app", 0o777))
	for i := range 5000 {
		tree = append(tree, file(fmt.Sprintf("app/node_modules/p%d/index.js", i), 0o666))
	}
	for i := range 100 {
		scattered = append(scattered, file(fmt.Sprintf("srv/d%03d/f", i), 0o666))
	}
	scattered = append(scattered, file("usr/bin/zz", 0o777))
	got := run(t, worldWritable(), imageOf(lf(nil, tree...), lf(nil, scattered...)))
	if len(got) != maxWorldWritableFindings+1 {
		t.Fatalf("%d findings, want %d", len(got), maxWorldWritableFindings+1)
	}
	var rest, app *report.Finding
	for i := range got {
		switch {
		case strings.HasPrefix(got[i].Message, "and "):
			rest = &got[i]
		case got[i].Evidence.Path == "/app":
			app = &got[i]
		}
	}
	if app == nil || !strings.Contains(app.Message, "5000 entries beneath it") {
		t.Errorf("no finding for /app counting its 5000 entries: %q", messages(got))
	}
	// /app and 24 of the /srv directories are listed; 76 directories and
	// /usr/bin/zz are summed up.
	if rest == nil || !strings.HasPrefix(rest.Message, "and 77 entries in 77 more places are world-writable: /srv/d024/f") {
		t.Errorf("no summing-up finding: %q", messages(got))
	} else if rest.Severity != report.SeverityHigh {
		t.Errorf("summing-up finding is %s, want high for /usr/bin/zz", rest.Severity)
	}
}
