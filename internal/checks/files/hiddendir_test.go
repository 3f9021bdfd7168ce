package files

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestHiddenDir(t *testing.T) {
	for _, tc := range []struct {
		name    string
		layers  []*facts.LayerFacts
		want    []brief
		message string // a part of the first finding's message, when set
	}{
		{
			name: "dot files and dot directories where they are normal",
			layers: []*facts.LayerFacts{lf(nil,
				file("etc/.pwd.lock", 0o600), file("etc/skel/.bashrc", 0o644), dir("etc/skel/.config", 0o755),
				dir("root/.cache", 0o755), file("root/.cache/pip/x", 0o644), dir("home/app/.ssh", 0o700),
				dir("app/.next", 0o755), file("app/.next/BUILD_ID", 0o644), file("app/.env.example", 0o644),
				dir("usr/lib/.build-id", 0o755), file("usr/lib/.build-id/ab/cdef", 0o644),
				file("usr/lib/python3/dist-packages/numpy/.libs/libgfortran.so", 0o755),
				dir("usr/local/lib/node_modules/npm/node_modules/.bin", 0o755),
				file("usr/lib/node_modules/x/.github/workflows/ci.yml", 0o644),
				dir("usr/src/app/.github", 0o755), dir("opt/app/.venv", 0o755), dir("var/lib/postgresql/.cache", 0o700),
				dir("var/www/html/.well-known/acme-challenge", 0o755), dir("etc/.java/.systemPrefs", 0o755), dir("tmp/.X11-unix", 0o777|sticky), dir(".cache", 0o755), dir(".npm/_cacache", 0o755),
			)},
		},
		{
			name:    "a hidden directory is reported once, not per file",
			layers:  []*facts.LayerFacts{lf(nil, dir("tmp/.x", 0o755), file("tmp/.x/sh", 0o755), file("tmp/.x/.y/z", 0o644)), lf(nil, file("tmp/.x/more", 0o644))},
			want:    []brief{{report.SeverityMedium, "/tmp/.x", 0, -1}},
			message: "hidden directory /tmp/.x: a dot directory in a system path is a place to hide tools",
		},
		{
			name:   "a hidden directory implied by the files beneath it",
			layers: []*facts.LayerFacts{lf(nil, file("usr/lib/.cache/payload", 0o755), file("dev/.udev/rules", 0o644))},
			want:   []brief{{report.SeverityMedium, "/dev/.udev", 0, -1}, {report.SeverityMedium, "/usr/lib/.cache", 0, -1}},
		},
		{
			name:   "tool directories directly in an operating system directory",
			layers: []*facts.LayerFacts{lf(nil, dir("usr/lib/.github", 0o755), dir("usr/bin/.venv", 0o755), dir("etc/.config", 0o755))},
			want: []brief{
				{report.SeverityMedium, "/etc/.config", 0, -1},
				{report.SeverityMedium, "/usr/bin/.venv", 0, -1},
				{report.SeverityMedium, "/usr/lib/.github", 0, -1},
			},
		},
		{
			name: "inside a tree of its own",
			layers: []*facts.LayerFacts{lf(nil,
				dir("usr/lib/google-cloud-sdk/.install", 0o755), dir("opt/app/.x", 0o755), dir("var/tmp/build/.y", 0o755), dir("dev/a/.z", 0o755),
			)},
			want: []brief{
				{report.SeverityMedium, "/dev/a/.z", 0, -1},
				{report.SeverityMedium, "/var/tmp/build/.y", 0, -1},
				{report.SeverityLow, "/opt/app/.x", 0, -1},
				{report.SeverityLow, "/usr/lib/google-cloud-sdk/.install", 0, -1},
			},
			message: "hidden directory /dev/a/.z: a dot directory in a system path",
		},
		{
			name:   "hidden directories at the root",
			layers: []*facts.LayerFacts{lf(nil, dir(".x", 0o755), file(".hidden/bin/run", 0o755), file(".profile", 0o644))},
			want:   []brief{{report.SeverityMedium, "/.hidden", 0, -1}, {report.SeverityMedium, "/.x", 0, -1}},
		},
		{
			name:   "a hidden directory sheltered by an allowed one",
			layers: []*facts.LayerFacts{lf(nil, dir("usr/lib/.build-id", 0o755), file("usr/lib/.build-id/.k/miner", 0o755))},
			want:   []brief{{report.SeverityMedium, "/usr/lib/.build-id/.k", 0, -1}},
		},
		{
			name:    "version-control metadata anywhere",
			layers:  []*facts.LayerFacts{lf(nil, dir("app/.git", 0o755), file("app/.git/HEAD", 0o644), file("root/.cache/src/.svn/entries", 0o644))},
			want:    []brief{{report.SeverityLow, "/app/.git", 0, -1}, {report.SeverityLow, "/root/.cache/src/.svn", 0, -1}},
			message: "version-control metadata /app/.git ships in the image",
		},
		{
			name:    "a deleted hidden directory",
			layers:  []*facts.LayerFacts{lf(nil, dir("var/tmp/.k", 0o755), file("var/tmp/.k/x", 0o755)), lf(rm("var/tmp/.k"))},
			want:    []brief{{report.SeverityMedium, "/var/tmp/.k", 0, 1}},
			message: "layer 1 deleted or replaced it, but it still ships in layer 0",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, hiddenDir(), imageOf(tc.layers...))
			if diff := cmp.Diff(tc.want, briefs(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tc.message != "" && (len(got) == 0 || !strings.Contains(got[0].Message, tc.message)) {
				t.Errorf("messages %q, want one containing %q", messages(got), tc.message)
			}
		})
	}
}

// TestHiddenDirFreshState: each scan constructs the check afresh, so a
// directory seen by one scan is reported again by the next.
func TestHiddenDirFreshState(t *testing.T) {
	img := imageOf(lf(nil, dir("tmp/.x", 0o755)))
	for i := range 2 {
		if got := run(t, hiddenDir(), img); len(got) != 1 {
			t.Errorf("scan %d: %d findings, want 1", i, len(got))
		}
	}
}

func TestDotDir(t *testing.T) {
	for _, tc := range []struct {
		path  string
		isDir bool
		want  string
	}{
		{"tmp/.x/sh", false, "tmp/.x"},
		{"tmp/.x", true, "tmp/.x"},
		{"tmp/.x", false, ""}, // a dot file
		{".x/a/.y/b", false, ".x"},
		{".x", true, ".x"},
		{"etc/passwd", false, ""},
		{"a.b/c.d", true, ""},
		{"", true, ""},
	} {
		got, ok := dotDir(tc.path, tc.isDir)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("dotDir(%q, %v) = %q, %v; want %q", tc.path, tc.isDir, got, ok, tc.want)
		}
	}
}
