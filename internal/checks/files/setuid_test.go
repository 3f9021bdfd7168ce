package files

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestSetuid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		layers  []*facts.LayerFacts
		want    []brief
		message string // a part of the first finding's message, when set
	}{
		{
			name:   "ordinary executables and directories are not reported",
			layers: []*facts.LayerFacts{lf(nil, file("usr/bin/env", 0o755), dir("srv/shared", 0o2775|setgidBit), dir("tmp", 0o777|sticky))},
		},
		{
			name:    "well-known setuid program",
			layers:  []*facts.LayerFacts{lf(nil, file("usr/bin/passwd", 0o755|setuidBit))},
			want:    []brief{{report.SeverityLow, "/usr/bin/passwd", 0, -1}},
			message: "setuid file /usr/bin/passwd gives root privileges to any user who runs it: a well-known setuid or setgid program",
		},
		{
			name:   "Alpine's setuid busybox wrapper",
			layers: []*facts.LayerFacts{lf(nil, file("bin/bbsuid", 0o111|setuidBit))},
			want:   []brief{{report.SeverityLow, "/bin/bbsuid", 0, -1}},
		},
		{
			name:   "well-known helper in a package's directory",
			layers: []*facts.LayerFacts{lf(nil, file("usr/lib/openssh/ssh-keysign", 0o755|setuidBit))},
			want:   []brief{{report.SeverityLow, "/usr/lib/openssh/ssh-keysign", 0, -1}},
		},
		{
			name:    "well-known setgid program",
			layers:  []*facts.LayerFacts{lf(nil, owned(file("usr/bin/wall", 0o755|setgidBit), 0, 5))},
			want:    []brief{{report.SeverityLow, "/usr/bin/wall", 0, -1}},
			message: "setgid file /usr/bin/wall gives the privileges of gid 5",
		},
		{
			name:    "setuid shell copy in a hidden temporary directory",
			layers:  []*facts.LayerFacts{lf(nil, file("tmp/.x/sh", 0o755|setuidBit))},
			want:    []brief{{report.SeverityHigh, "/tmp/.x/sh", 0, -1}},
			message: `"sh" is a shell`,
		},
		{
			name:   "setuid shell in its usual place",
			layers: []*facts.LayerFacts{lf(nil, file("bin/bash", 0o755|setuidBit|setgidBit))},
			want:   []brief{{report.SeverityHigh, "/bin/bash", 0, -1}},
		},
		{
			name:   "setuid versioned interpreter",
			layers: []*facts.LayerFacts{lf(nil, file("usr/local/bin/python3.11", 0o755|setuidBit))},
			want:   []brief{{report.SeverityHigh, "/usr/local/bin/python3.11", 0, -1}},
		},
		{
			name:   "setuid program that starts a shell",
			layers: []*facts.LayerFacts{lf(nil, file("usr/bin/find", 0o755|setuidBit))},
			want:   []brief{{report.SeverityHigh, "/usr/bin/find", 0, -1}},
		},
		{
			name:    "setuid file in a temporary directory",
			layers:  []*facts.LayerFacts{lf(nil, file("var/tmp/helper", 0o755|setuidBit))},
			want:    []brief{{report.SeverityHigh, "/var/tmp/helper", 0, -1}},
			message: "temporary directory /var/tmp",
		},
		{
			name:    "setuid file in a hidden directory",
			layers:  []*facts.LayerFacts{lf(nil, file("usr/share/.cache/helper", 0o755|setuidBit))},
			want:    []brief{{report.SeverityHigh, "/usr/share/.cache/helper", 0, -1}},
			message: "hidden directory /usr/share/.cache",
		},
		{
			name:    "setuid program of the application, owned by a user",
			layers:  []*facts.LayerFacts{lf(nil, owned(file("usr/local/bin/tool", 0o755|setuidBit), 1000, 1000))},
			want:    []brief{{report.SeverityMedium, "/usr/local/bin/tool", 0, -1}},
			message: "the privileges of uid 1000",
		},
		{
			name:   "well-known name out of place",
			layers: []*facts.LayerFacts{lf(nil, file("opt/tools/passwd", 0o755|setuidBit), file("usr/bin/python3-config", 0o755|setuidBit))},
			want:   []brief{{report.SeverityMedium, "/opt/tools/passwd", 0, -1}, {report.SeverityMedium, "/usr/bin/python3-config", 0, -1}},
		},
		{
			name:    "a deleted setuid shell is still reported",
			layers:  []*facts.LayerFacts{lf(nil, file("tmp/sh", 0o755|setuidBit)), lf(rm("tmp/sh"))},
			want:    []brief{{report.SeverityHigh, "/tmp/sh", 0, 1}},
			message: "layer 1 deleted or replaced it, but it still ships in layer 0",
		},
		{
			name:   "an upgraded well-known program is reported once",
			layers: []*facts.LayerFacts{lf(nil, file("usr/bin/su", 0o755|setuidBit)), lf(nil, file("usr/bin/su", 0o755|setuidBit))},
			want:   []brief{{report.SeverityLow, "/usr/bin/su", 1, -1}},
		},
		{
			name:   "hard links are reported through their target",
			layers: []*facts.LayerFacts{lf(nil, file("usr/bin/passwd", 0o755|setuidBit), facts.Entry{Path: "tmp/p", Type: facts.TypeHardlink, Mode: 0o755 | setuidBit, Linkname: "usr/bin/passwd"})},
			want:   []brief{{report.SeverityLow, "/usr/bin/passwd", 0, -1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, setuid(), imageOf(tc.layers...))
			if diff := cmp.Diff(tc.want, briefs(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tc.message != "" && (len(got) == 0 || !strings.Contains(got[0].Message, tc.message)) {
				t.Errorf("messages %q, want one containing %q", messages(got), tc.message)
			}
		})
	}
}

func TestIsShell(t *testing.T) {
	for name, want := range map[string]bool{
		"sh": true, "bash": true, "busybox": true, "python": true, "python3": true, "python3.12": true,
		"perl5.36.0": true, "ruby": true, "php8.2": true, "env": true,
		"python-config": false, "pythonic": false, "phpize": false, "passwd": false, "shx": false, "": false,
	} {
		if got := isShell(name); got != want {
			t.Errorf("isShell(%q) = %v, want %v", name, got, want)
		}
	}
}
