package secret

import (
	"context"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// FuzzContent runs every secret check on arbitrary content under a few
// paths: no input may make a check fail, panic or put a long run of the
// input's bytes next to a rule ID in the evidence.
func FuzzContent(f *testing.F) {
	f.Add("root/.npmrc", "//r/:_authToken=abcdefgh12345678\n_auth=dTpw\n")
	f.Add("app/.env", "export DB_PASSWORD='s3cr3t-Value-9x'\nAPI_KEY=\n")
	f.Add("root/.netrc", "machine a login b password c0ffee-beans-9")
	f.Add("root/.git-credentials", "https://u:tok3n-abcdef@host\nhttps://[::1\n")
	f.Add("root/.docker/config.json", `{"auths":{"r":{"auth":"dTpw","identitytoken":"x"}}}`)
	f.Add("root/.pypirc", "[pypi]\npassword = pypi-AgEIcHlwaS5vcmc\n")
	f.Add("srv/key.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n")
	f.Add("srv/k.json", `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"}`)
	f.Add("a/b.ppk", "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nPrivate-Lines: 1\nAAAA\n")
	f.Add("a/c.asc", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n\nAAAA\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----\n")
	f.Add("etc/app.conf", "password = hunter2hunter2X9\ntoken: ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\ncurl -u user:pa55word https://x\n")
	f.Add("root/.bash_history", "ls\n\n")
	var checks []check.ContentChecker
	for _, ctor := range Checks() {
		if cc, ok := ctor().(check.ContentChecker); ok {
			checks = append(checks, cc)
		}
	}
	f.Fuzz(func(t *testing.T, p, content string) {
		e := &facts.Entry{Path: strings.TrimPrefix(p, "/"), Type: facts.TypeFile, Mode: 0o644, Size: int64(len(content))}
		for _, cc := range checks {
			if !cc.Wants(e) {
				continue
			}
			fs, err := cc.CheckContent(context.Background(), e, []byte(content))
			if err != nil {
				t.Fatalf("%s: %v", cc.Info().ID, err)
			}
			for _, fd := range fs {
				if fd.Evidence.Path != "/"+e.Path {
					t.Errorf("%s: evidence path %q for %q", fd.Check, fd.Evidence.Path, e.Path)
				}
			}
		}
	})
}

// FuzzFindKeys checks that key-block parsing is bounded and never panics.
func FuzzFindKeys(f *testing.F) {
	f.Add([]byte("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----\n"))
	f.Add([]byte("-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEI\\n-----END EC PRIVATE KEY-----"))
	f.Add([]byte("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 99999999999\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ks := findKeys(data)
		if len(ks) > maxKeyBlocks*2 {
			t.Errorf("%d keys, more than the bound", len(ks))
		}
		for _, k := range ks {
			if k.line < 1 {
				t.Errorf("key at line %d", k.line)
			}
		}
	})
}

// FuzzParseRules checks that a hostile rule file is rejected or compiled,
// never a panic.
func FuzzParseRules(f *testing.F) {
	f.Add([]byte("[[rules]]\nid = \"x\"\nregex = '''a(b)c'''\nkeywords = [\"abc\"]\nsecretGroup = 1\n[[rules.allowlists]]\ncondition = \"AND\"\nregexTarget = \"line\"\nregexes = ['''x''']\n"))
	f.Add([]byte("[allowlist]\npaths = ['''(''']\n"))
	f.Add(gitleaksRules[:2000])
	f.Fuzz(func(t *testing.T, data []byte) {
		rf, err := parseRules(data)
		if err != nil {
			return
		}
		rs, err := compileRules(rf, nil)
		if err != nil {
			return
		}
		rs.scan(rs.newScanner(), "a/b.txt", data, generic)
	})
}
