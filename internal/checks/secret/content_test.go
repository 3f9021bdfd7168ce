package secret

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// hit is what the content tests compare of a finding.
type hit struct {
	Check, Severity, Value string
}

// runContent runs every secret check that wants the file on its content, as
// the layer pass does, and returns the findings' checks, severities and the
// rule part of their evidence.
func runContent(t testing.TB, p string, content string, mode int64) []hit {
	t.Helper()
	e := &facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644, Size: int64(len(content))}
	if mode != 0 {
		e.Mode = 0o755
	}
	var out []hit
	for _, ctor := range Checks() {
		cc, ok := ctor().(check.ContentChecker)
		if !ok || !cc.Wants(e) {
			continue
		}
		fs, err := cc.CheckContent(context.Background(), e, []byte(content))
		if err != nil {
			t.Fatalf("%s on %s: %v", cc.Info().ID, p, err)
		}
		for _, f := range fs {
			v, _, _ := strings.Cut(f.Evidence.Value, " ")
			if f.Check == "secret/shell-history" {
				v = f.Evidence.Value
			}
			out = append(out, hit{f.Check, f.Severity.String(), v})
		}
	}
	return out
}

func TestContent(t *testing.T) {
	aws, awsSec, gh, stripe, slack, npm := awsKeyID(t), awsSecret(t), githubPAT(t), stripeKey(t), slackBot(t), npmToken(t)
	dockerAuth := base64.StdEncoding.EncodeToString([]byte("ci:" + randomString(t, alnum, 20)))
	tests := []struct {
		name, path, content string
		want                []hit
	}{
		{"rsa key", "root/.ssh/id_rsa", rsaPEM(t), []hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"ec key renamed", "app/assets/logo.txt", ecPEM(t), []hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"pkcs8 ed25519", "srv/tls/server.key", pkcs8PEM(t), []hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"openssh key", "home/dev/.ssh/id_ed25519", openSSHPEM(t, ""), []hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"encrypted openssh key", "home/dev/.ssh/id_ed25519", openSSHPEM(t, "correct horse"), []hit{{"secret/private-key", "high", "-----BEGIN"}}},
		{"key quoted in json", "app/config.json", `{"tls": {"key": "` + strings.ReplaceAll(ecPEM(t), "\n", `\n`) + `"}}`, []hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"putty key", "root/deploy.ppk", puttyKey(t, "none"), []hit{{"secret/private-key", "critical", "PuTTY-User-Key-File-3:"}}},
		{"encrypted putty key", "root/deploy.ppk", puttyKey(t, "aes256-cbc"), []hit{{"secret/private-key", "high", "PuTTY-User-Key-File-3:"}}},
		{"ssh host key", "etc/ssh/ssh_host_ed25519_key", openSSHPEM(t, ""), []hit{{"secret/private-key", "medium", "-----BEGIN"}}},
		{"snakeoil", "etc/ssl/private/ssl-cert-snakeoil.key", rsaPEM(t), []hit{{"secret/private-key", "medium", "-----BEGIN"}}},
		{"test fixture key", "app/test/fixtures/server.key", rsaPEM(t), []hit{{"secret/private-key", "low", "-----BEGIN"}}},
		{"key in readme", "app/README.md", "Use this key:\n" + rsaPEM(t), []hit{{"secret/private-key", "low", "-----BEGIN"}}},
		{"truncated openssh key", "root/.ssh/id_rsa", strings.Join(strings.Split(openSSHPEM(t, ""), "\n")[:2], "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n",
			[]hit{{"secret/private-key", "critical", "-----BEGIN"}}},
		{"public halves", "root/.ssh/id_ecdsa.txt", publicHalves(t), nil},
		{"placeholder block", "app/config.yaml", "key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  ...\n  -----END RSA PRIVATE KEY-----\n", nil},
		{"aws credentials file", "root/.aws/credentials", "[default]\naws_access_key_id = " + aws + "\naws_secret_access_key = " + awsSec + "\n",
			[]hit{{"secret/credential", "critical", "aws-access-token"}, {"secret/credential", "critical", "aws-secret-access-key"}}},
		{"aws key id in a script", "usr/local/bin/deploy.sh", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=" + aws + "\naws s3 sync . s3://bucket\n",
			[]hit{{"secret/credential", "critical", "aws-access-token"}}},
		{"aws documentation example", "app/deploy.sh", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7" + "EXAMPLE\n", nil},
		{"gcp service account", "app/sa.json", gcpServiceAccount(t), []hit{{"secret/credential", "critical", "gcp-service-account-key"}}},
		{"github token in git config", "root/.gitconfig", "[url \"https://x-access:" + gh + "@github.com/\"]\n\tinsteadOf = https://github.com/\n",
			[]hit{{"secret/credential", "critical", "github-pat"}}},
		{"stripe key in js", "app/server.js", "const stripe = require('stripe')('" + stripe + "');\n", []hit{{"secret/credential", "critical", "stripe-access-token"}}},
		{"slack token in yaml", "etc/bot/config.yml", "slack:\n  token: " + slack + "\n", []hit{{"secret/credential", "critical", "slack-bot-token"}}},
		{"docker config", "root/.docker/config.json", `{"auths": {"registry.example.com": {"auth": "` + dockerAuth + `"}}}`,
			[]hit{{"secret/credential", "critical", "docker-registry-auth"}}},
		{"docker config helper only", "root/.docker/config.json", `{"auths": {"registry.example.com": {}}, "credsStore": "ecr-login"}`, nil},
		{"npmrc token", "root/.npmrc", "//registry.npmjs.org/:_authToken=" + npm + "\n", []hit{{"secret/credential", "critical", "npm-access-token"}}},
		{"npmrc variable", "app/.npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n", nil},
		{"npmrc basic auth", "app/.npmrc", "_auth=" + dockerAuth + "\nregistry=https://npm.example.com/\n", []hit{{"secret/credential", "critical", "npmrc-auth"}}},
		{"pypirc", "root/.pypirc", "[distutils]\nindex-servers = pypi\n[pypi]\nusername = release\npassword = " + randomString(t, alnum, 18) + "\n",
			[]hit{{"secret/credential", "high", "pypirc-password"}}},
		{"netrc", "root/.netrc", "machine ftp.example.com\n  login deploy\n  password " + randomString(t, alnum, 14) + "\n",
			[]hit{{"secret/credential", "high", "netrc-password"}}},
		{"git credentials", "root/.git-credentials", "https://deploy:" + randomString(t, alnum, 30) + "@git.example.com\n",
			[]hit{{"secret/credential", "critical", "git-credentials"}}},
		{"dotenv", "app/.env", "NODE_ENV=production\nDB_PASSWORD=" + randomString(t, alnum, 20) + "\nSESSION_SECRET=${SESSION_SECRET}\nAPI_KEY=changeme\n",
			[]hit{{"secret/credential", "high", "dotenv-secret"}}},
		{"dotenv example", "app/.env.example", "DB_PASSWORD=" + randomString(t, alnum, 20) + "\n", []hit{{"secret/credential", "low", "dotenv-secret"}}},
		{"generic assignment", "opt/app/settings.ini", "[db]\npassword = " + randomString(t, alnum, 10) + "9" + randomString(t, alnum, 10) + "\n",
			[]hit{{"secret/credential", "medium", "generic-api-key"}}},
		{"bash history", "root/.bash_history", "apt-get update\nmysql -u root -p" + randomString(t, alnum, 12) + "\n",
			[]hit{{"secret/shell-history", "medium", "2 commands"}}},
		{"bash history with a token", "root/.bash_history", "export GITHUB_TOKEN=" + gh + "\n",
			[]hit{{"secret/credential", "critical", "github-pat"}, {"secret/shell-history", "medium", "1 command"}}},
		{"empty history", "root/.bash_history", "\n\n", nil},
		{"token in node_modules", "app/node_modules/lib/index.js", "const k = '" + gh + "';\n", nil},
		{"generic in system dir", "usr/lib/tool/conf.py", "password = '" + randomString(t, alnum, 10) + "9" + randomString(t, alnum, 10) + "'\n", nil},
		{"format token in system dir", "usr/lib/tool/conf.py", "token = '" + gh + "'\n", []hit{{"secret/credential", "critical", "github-pat"}}},
		{"token in a test", "app/src/client_test.go", "const tok = \"" + gh + "\"\n", []hit{{"secret/credential", "low", "github-pat"}}},
		{"elf binary", "usr/local/bin/tool", "\x7fELF\x02\x01\x01" + strings.Repeat("\x00", 64) + gh, nil},
		{"image file", "app/logo.png", "token = " + gh, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runContent(t, tt.path, tt.content, 0)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
