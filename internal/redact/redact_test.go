package redact

import (
	"strings"
	"testing"
)

func TestIsSecretName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"AWS_SECRET_ACCESS_KEY", true},
		{"GITHUB_TOKEN", true},
		{"DB_PASSWORD", true},
		{"db_password", true},
		{"API_KEY", true},
		{"STRIPE_APIKEY", true},
		{"MYSQL_ROOT_PASSWORD", true},
		{"PASSWORD_FILE", false},
		{"TOKEN_PATH", false},
		{"SECRET_DIR", false},
		{"DB_PASSWORD_HOST", false},
		{"PWD", false},
		{"OLDPWD", false},
		{"PATH", false},
		{"HOME", false},
		{"TOKENIZER", false},
		{"AUTHOR", false},
		{"LANG", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsSecretName(tt.name); got != tt.want {
				t.Errorf("IsSecretName(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"short", Mask},
		{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJal..." + Mask},
		{"-----BEGIN RSA PRIVATE KEY-----", Mask},
	}
	for _, tt := range tests {
		if got := Value(tt.in); got != tt.want {
			t.Errorf("Value(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// secretCases pair free text with the secret that must not survive Text.
var secretCases = []struct {
	name, in, secret string
}{
	{"aws key id", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"},
	{"aws secret", "ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"},
	{"github token", "git clone https://x:ghp_0123456789abcdefghijABCDEFGHIJ012345@github.com/o/r", "ghp_0123456789abcdefghij"},
	{"url password", "curl https://admin:hunter2@example.com/x", "hunter2"},
	{"flag", "mysql --password hunter22 -u root", "hunter22"},
	{"flag equals", "login --token=s3cr3tv4lue", "s3cr3tv4lue"},
	{"quoted", `ENV DB_PASSWORD="correct horse battery"`, "correct horse battery"},
	{"colon", "api_key: abcdef123456", "abcdef123456"},
	{"slack", "SLACK=xoxb-123456789012-abcdefghij", "xoxb-123456789012-abcdefghij"},
	{"private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAA"},
	{"build arg", "|2 NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789 RUN npm ci", "npm_abcdefghijklmnopqrstuvwxyz0123456789"},
}

func TestTextRedacts(t *testing.T) {
	for _, tt := range secretCases {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if strings.Contains(got, tt.secret) {
				t.Errorf("Text(%q) = %q still holds %q", tt.in, got, tt.secret)
			}
			if !strings.Contains(got, Mask) {
				t.Errorf("Text(%q) = %q has no %s", tt.in, got, Mask)
			}
			if !HasToken(tt.in) && !strings.Contains(strings.ToUpper(tt.in), "PASS") && !strings.Contains(strings.ToUpper(tt.in), "TOKEN") && !strings.Contains(strings.ToUpper(tt.in), "KEY") && !strings.Contains(strings.ToUpper(tt.in), "SECRET") {
				t.Errorf("case %q has neither a token shape nor a secret name", tt.in)
			}
		})
	}
}

func TestTextKeepsOrdinaryText(t *testing.T) {
	for _, in := range []string{
		"RUN apt-get update && apt-get install -y curl",
		"ENV PATH=/usr/local/bin:/usr/bin",
		"ENV PASSWORD_FILE=/run/secrets/db",
		"ENV TOKEN=$GITHUB_TOKEN",
		"COPY --from=build /app /app",
		"echo the token is rotated daily",
		"curl https://example.com/install.sh",
	} {
		if got := Text(in); got != in {
			t.Errorf("Text(%q) = %q, want it unchanged", in, got)
		}
	}
}

func TestEnv(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PATH=/usr/bin", "PATH=/usr/bin"},
		{"DB_PASSWORD=hunter2", "DB_PASSWORD=" + Mask},
		{"DB_PASSWORD=", "DB_PASSWORD="},
		{"NOTE=key AKIAIOSFODNN7EXAMPLE", "NOTE=key AKIA..." + Mask},
		{"NOEQUALS", "NOEQUALS"},
	}
	for _, tt := range tests {
		if got := Env(tt.in); got != tt.want {
			t.Errorf("Env(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasToken(t *testing.T) {
	if !HasToken("AKIAIOSFODNN7EXAMPLE") || !HasToken("https://u:p@host/") {
		t.Error("HasToken misses a token")
	}
	if HasToken("AKIA-not-a-key") || HasToken("https://host/path") {
		t.Error("HasToken reports a token in ordinary text")
	}
}

// FuzzText checks that Text is idempotent and never leaks a token it can
// recognise, whatever surrounds it.
func FuzzText(f *testing.F) {
	for _, tt := range secretCases {
		f.Add(tt.in)
	}
	f.Add("plain text")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<16 {
			return
		}
		once := Text(s)
		if HasToken(once) && !strings.Contains(once, Mask) {
			t.Fatalf("Text(%q) = %q still holds a token", s, once)
		}
		if twice := Text(once); twice != once {
			t.Fatalf("Text is not idempotent on %q: %q then %q", s, once, twice)
		}
	})
}
