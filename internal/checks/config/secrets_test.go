package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/report"
)

// Credentials used in the tests. They have the shapes of real ones and are
// not valid anywhere.
const (
	awsKeyID     = "AKIAIOSFODNN7EXAMPLE"
	awsSecret    = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	githubToken  = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
	slackToken   = "xoxb-1234567890-abcdefghij"
	privateKey   = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"
	openAIKey    = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD"
	dbPassword   = "Tr0ub4dor.3x"
	shortSecret  = "pw1"
	secretInURL  = "hunter22"
	urlWithCreds = "https://deploy:" + secretInURL + "@git.example.com/team/repo.git"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name, key, value string
		want             report.Severity
		kind             string // empty when not a secret
	}{
		{"aws key id", "AWS_ACCESS_KEY_ID", awsKeyID, report.SeverityCritical, "AWS access key ID"},
		{"aws key id under any name", "KEY", awsKeyID, report.SeverityCritical, "AWS access key ID"},
		{"aws secret", "AWS_SECRET_ACCESS_KEY", awsSecret, report.SeverityCritical, "AWS secret access key"},
		{"aws secret shape under a secret name", "DB_PASSWORD", awsSecret, report.SeverityHigh, "value of a secret-named setting"},
		{"aws secret shape under a plain name", "CHECKSUM", awsSecret, 0, ""},
		{"github token", "GITHUB_TOKEN", githubToken, report.SeverityCritical, "GitHub token"},
		{"slack token under a plain name", "NOTIFY", slackToken, report.SeverityCritical, "Slack token"},
		{"private key", "TLS_KEY", privateKey, report.SeverityCritical, "private key"},
		{"openai key", "OPENAI_API_KEY", openAIKey, report.SeverityCritical, "OpenAI API key"},
		{"password by name", "DB_PASSWORD", dbPassword, report.SeverityHigh, "value of a secret-named setting"},
		{"short password", "ADMIN_PASSWORD", shortSecret, report.SeverityHigh, "value of a secret-named setting"},
		{"password in a URL", "DATABASE_URL", "postgres://app:" + dbPassword + "@db:5432/app", report.SeverityHigh, "password in a URL"},
		{"token in a URL", "REPO", "https://x:" + githubToken + "@github.com/o/r", report.SeverityCritical, "GitHub token in a URL"},
		{"url without credentials", "DATABASE_URL", "postgres://db:5432/app", 0, ""},
		{"url with a placeholder password", "DATABASE_URL", "postgres://app:${DB_PASSWORD}@db/app", 0, ""},
		{"secret file path", "PASSWORD_FILE", "/run/secrets/db", 0, ""},
		{"path under a secret name", "DB_PASSWORD", "/run/secrets/db", 0, ""},
		{"reference", "API_TOKEN", "${API_TOKEN}", 0, ""},
		{"template", "API_TOKEN", "<your token>", 0, ""},
		{"placeholder word", "ADMIN_PASSWORD", "changeme", 0, ""},
		{"mask", "API_KEY", "xxxxxxxx", 0, ""},
		{"switch", "TOKEN_AUTH", "true", 0, ""},
		{"empty", "DB_PASSWORD", "", 0, ""},
		{"plain setting", "LOG_LEVEL", "debug", 0, ""},
		{"public key fingerprint", "GPG_KEY", "B42F6819007F00F88E364FD4036A9C25BF357DD4", 0, ""},
		{"key id", "SECRET_KEY_ID", "k-123", 0, ""},
		{"timeout", "TOKEN_TIMEOUT", "30", 0, ""},
		{"shell working directory", "PWD", "/app", 0, ""},
		{"auth mode", "NGINX_AUTH", "basic", 0, ""},
		{"auth secret", "BASIC_AUTH", "admin:" + dbPassword, report.SeverityHigh, "value of a secret-named setting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hit, ok := classify(tt.key, tt.value)
			if ok != (tt.kind != "") {
				t.Fatalf("classify(%q, %q) secret = %v, want %v", tt.key, tt.value, ok, tt.kind != "")
			}
			if ok && (hit.severity != tt.want || hit.kind != tt.kind) {
				t.Errorf("classify(%q, %q) = %v %q, want %v %q", tt.key, tt.value, hit.severity, hit.kind, tt.want, tt.kind)
			}
		})
	}
}

func TestScriptSecrets(t *testing.T) {
	type got struct {
		What     string
		Value    string
		Severity report.Severity
	}
	tests := []struct {
		name string
		in   string
		want []got
	}{
		{"curl user:password", "curl -fsSL -u deploy:" + dbPassword + " https://x/y", []got{{"curl -u", dbPassword, report.SeverityHigh}}},
		{"curl --user=", "curl --user=deploy:" + dbPassword + " https://x/y", []got{{"curl --user", dbPassword, report.SeverityHigh}}},
		{"curl user without password", "curl -u deploy https://x/y", nil},
		{"curl user with a variable", `curl -u "deploy:$PASS" https://x/y`, nil},
		{"password option", "mysql --password " + dbPassword + " -e 'select 1'", []got{{"mysql --password", dbPassword, report.SeverityHigh}}},
		{"password option with =", "docker login --password=" + dbPassword + " registry", []got{{"docker --password", dbPassword, report.SeverityHigh}}},
		{"password from stdin", "echo $P | docker login --password-stdin registry", nil},
		{"mysql -p", "mysql -uroot -p" + dbPassword + " db", []got{{"mysql -p", dbPassword, report.SeverityHigh}}},
		{"authorization header", `curl -H "Authorization: Bearer ` + githubToken + `" https://api`, []got{{"header Authorization", githubToken, report.SeverityCritical}}},
		{"authorization header with a variable", `curl -H "Authorization: Bearer $TOKEN" https://api`, nil},
		{"gitlab token header", `curl --header "PRIVATE-TOKEN: abc123def456" https://gitlab`, []got{{"header PRIVATE-TOKEN", "abc123def456", report.SeverityHigh}}},
		{"assignment", "NPM_TOKEN=abc123def456 npm ci", []got{{"NPM_TOKEN", "abc123def456", report.SeverityHigh}}},
		{"export", "export AWS_SECRET_ACCESS_KEY=" + awsSecret, []got{{"AWS_SECRET_ACCESS_KEY", awsSecret, report.SeverityCritical}}},
		{"chpasswd", "echo 'root:" + dbPassword + "' | chpasswd", []got{{"chpasswd for root", dbPassword, report.SeverityHigh}}},
		{"chpasswd with a hash", "echo 'root:$6$salt$hash' | chpasswd -e", nil},
		{"url credentials", "git clone " + urlWithCreds, []got{{"URL", secretInURL, report.SeverityHigh}}},
		{"token argument", "gh auth login --with-token " + githubToken, []got{{"gh --with-token", githubToken, report.SeverityCritical}}},
		{"secret in a substitution", `X=$(curl -u a:` + dbPassword + ` https://x)`, []got{{"curl -u", dbPassword, report.SeverityHigh}}},
		{"checksum download", "curl -fsSLo tool.tgz https://x/tool.tgz && echo \"abc  tool.tgz\" | sha256sum -c", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out []got
			for _, f := range scriptSecrets(parseShell(tt.in)) {
				out = append(out, got{f.what, f.value, f.hit.severity})
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("scriptSecrets(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSafeText(t *testing.T) {
	tests := []struct {
		name, in string
		secrets  []string
	}{
		{"curl -u", "curl -u deploy:" + dbPassword + " https://x", []string{dbPassword}},
		{"short password kept out of other words", "mysql --password " + shortSecret + " && echo pw1x", []string{" " + shortSecret + " "}},
		{"token", "gh auth login --with-token " + githubToken, []string{githubToken}},
		{"url", "git clone " + urlWithCreds, []string{secretInURL}},
		{"header", `curl -H "Authorization: token ` + dbPassword + `" u`, []string{dbPassword}},
		{"openai", "OPENAI=" + openAIKey + " run", []string{openAIKey}},
		{"escaped secret masks everything", `curl -u "a:p\"ss` + dbPassword + `" u`, []string{dbPassword}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := safeText(tt.in)
			for _, s := range tt.secrets {
				if strings.Contains(out, s) {
					t.Errorf("safeText(%q) = %q still shows %q", tt.in, out, s)
				}
			}
			if !strings.Contains(out, "[REDACTED]") {
				t.Errorf("safeText(%q) = %q masks nothing", tt.in, out)
			}
		})
	}
	if got := safeText("mysql --password " + shortSecret + " && echo pw1x"); !strings.Contains(got, "pw1x") {
		t.Errorf("masking a short secret changed other words: %q", got)
	}
}

func TestIsPlaceholder(t *testing.T) {
	for _, v := range []string{"", "$X", "${X}", "pre${X}", "$(cat /run/secrets/x)", "/run/secrets/db", "./key", "~/.token",
		"<token>", "{{ .Token }}", "%TOKEN%", "[REDACTED]", "xxxx", "****", "changeme", "CHANGEME", "true", "none", "your-token-here", `"changeme"`} {
		if !isPlaceholder(v) {
			t.Errorf("isPlaceholder(%q) = false, want true", v)
		}
	}
	for _, v := range []string{dbPassword, shortSecret, "admin123", "s3cr3t", awsSecret, "x"} {
		if isPlaceholder(v) {
			t.Errorf("isPlaceholder(%q) = true, want false", v)
		}
	}
}
