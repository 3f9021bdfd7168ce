package config

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

// noLeak fails when any finding shows one of the secrets.
func noLeak(t *testing.T, fs []report.Finding, secrets ...string) {
	t.Helper()
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(string(b), s) {
			t.Errorf("findings show the secret %q:\n%s", s, b)
		}
	}
}

func TestSecretInEnv(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want []report.Finding
	}{
		{"aws keys", []string{"PATH=/usr/bin", "AWS_ACCESS_KEY_ID=" + awsKeyID, "AWS_SECRET_ACCESS_KEY=" + awsSecret}, []report.Finding{
			{Severity: report.SeverityCritical, Message: "ENV AWS_ACCESS_KEY_ID holds an AWS access key ID", Evidence: report.Evidence{ConfigKey: "config.Env[1]", Value: "AWS_ACCESS_KEY_ID=AKIA...[REDACTED]"}},
			{Severity: report.SeverityCritical, Message: "ENV AWS_SECRET_ACCESS_KEY holds an AWS secret access key", Evidence: report.Evidence{ConfigKey: "config.Env[2]", Value: "AWS_SECRET_ACCESS_KEY=wJal...[REDACTED]"}},
		}},
		{"password by name", []string{"DB_PASSWORD=" + dbPassword}, []report.Finding{
			{Severity: report.SeverityHigh, Message: "ENV DB_PASSWORD holds a value of a secret-named setting", Evidence: report.Evidence{ConfigKey: "config.Env[0]", Value: "DB_PASSWORD=[REDACTED]"}},
		}},
		{"url password keeps the url readable", []string{"DATABASE_URL=postgres://app:" + dbPassword + "@db/app"}, []report.Finding{
			{Severity: report.SeverityHigh, Message: "ENV DATABASE_URL holds a password in a URL", Evidence: report.Evidence{ConfigKey: "config.Env[0]", Value: "DATABASE_URL=postgres://app:[REDACTED]@db/app"}},
		}},
		{"secret file", []string{"PASSWORD_FILE=/run/secrets/x", "DB_PASSWORD_FILE=/run/secrets/db"}, nil},
		{"placeholders", []string{"ADMIN_PASSWORD=changeme", "API_TOKEN=${API_TOKEN}", "SECRET_KEY=", "TOKEN"}, nil},
		{"ordinary settings", []string{"PATH=/usr/local/bin", "GPG_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4", "LANG=C.UTF-8"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runCheck(t, secretInEnv(), testImage(v1.Config{Env: tt.env}, nil))
			if diff := cmp.Diff(tt.want, fs, cmpFinding); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			noLeak(t, fs, awsSecret, dbPassword, "IOSFODNN7EXAMPLE")
		})
	}
}

func TestSecretInLabel(t *testing.T) {
	tests := []struct {
		name   string
		labels map[string]string
		want   []brief
	}{
		{"token in source url", map[string]string{"org.opencontainers.image.source": "https://x:" + githubToken + "@github.com/o/r"}, []brief{
			{report.SeverityCritical, `label "org.opencontainers.image.source" holds a GitHub token in a URL`}}},
		{"secret-named label", map[string]string{"com.example.api-token": "abcdef123456", "maintainer": "a@example.com"}, []brief{
			{report.SeverityHigh, `label "com.example.api-token" holds a value of a secret-named setting`}}},
		{"slack token", map[string]string{"notify": slackToken}, []brief{{report.SeverityCritical, `label "notify" holds a Slack token`}}},
		{"ordinary labels", map[string]string{"org.opencontainers.image.source": "https://github.com/o/r", "org.opencontainers.image.revision": "0123456789abcdef0123456789abcdef01234567"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runCheck(t, secretInLabel(), testImage(v1.Config{Labels: tt.labels}, nil))
			if diff := cmp.Diff(tt.want, briefs(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			noLeak(t, fs, githubToken[4:], slackToken[5:], "abcdef123456")
		})
	}
}

func TestSecretInHistory(t *testing.T) {
	tests := []struct {
		name    string
		history []string
		want    []brief
	}{
		{"classic env", []string{"/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=" + awsSecret}, []brief{
			{report.SeverityCritical, "step 0 records an AWS secret access key (ENV AWS_SECRET_ACCESS_KEY)"}}},
		{"old env form", []string{"/bin/sh -c #(nop)  ENV DB_PASSWORD " + dbPassword}, []brief{
			{report.SeverityHigh, "step 0 records a value of a secret-named setting (ENV DB_PASSWORD)"}}},
		{"build argument", []string{"RUN |2 NPM_TOKEN=abc123def456 NODE_ENV=production /bin/sh -c npm ci # buildkit"}, []brief{
			{report.SeverityHigh, "step 0 records a value of a secret-named setting (build argument NPM_TOKEN)"}}},
		{"arg with default", []string{"ARG GITHUB_TOKEN=" + githubToken}, []brief{
			{report.SeverityCritical, "step 0 records a GitHub token (ARG GITHUB_TOKEN)"}}},
		{"curl -u", []string{"/bin/sh -c curl -fsSL -u ci:" + dbPassword + " https://x/a.tgz | tar xz"}, []brief{
			{report.SeverityHigh, "step 0 records a password (curl -u)"}}},
		{"password in clone url", []string{"RUN /bin/sh -c git clone " + urlWithCreds + " /src # buildkit"}, []brief{
			{report.SeverityHigh, "step 0 records a password (URL)"}}},
		{"private key written by echo", []string{"/bin/sh -c echo '" + privateKey + "' > /root/.ssh/id_rsa"}, []brief{
			{report.SeverityCritical, "step 0 records a private key (argument)"}}},
		{"token in a copy step", []string{"COPY --from=" + githubToken + " / /"}, []brief{
			{report.SeverityCritical, "step 0 records a GitHub token (text)"}}},
		{"two secrets in one step", []string{"/bin/sh -c #(nop)  ENV A_TOKEN=abcdefgh123 B_PASSWORD=" + dbPassword}, []brief{
			{report.SeverityHigh, "step 0 records a value of a secret-named setting (ENV A_TOKEN)"},
			{report.SeverityHigh, "step 0 records a value of a secret-named setting (ENV B_PASSWORD)"}}},
		{"secret files and references", []string{
			"/bin/sh -c #(nop)  ENV PASSWORD_FILE=/run/secrets/x",
			"RUN |1 TOKEN=${TOKEN} /bin/sh -c make # buildkit",
			"RUN /bin/sh -c --mount=type=secret,id=npm NPM_TOKEN=$(cat /run/secrets/npm) npm ci # buildkit",
			"/bin/sh -c echo $PASSWORD | docker login --password-stdin -u ci registry",
		}, nil},
		{"checksum download", []string{"/bin/sh -c curl -fsSLo /tmp/t.tgz https://x/t.tgz && echo \"abc  /tmp/t.tgz\" | sha256sum -c"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := runCheck(t, secretInHistory(), historyImage(v1.Config{}, tt.history...))
			if diff := cmp.Diff(tt.want, briefs(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			noLeak(t, fs, awsSecret, dbPassword, githubToken[4:], "abc123def456", secretInURL, "MIIEpAIBAAKCAQEA")
		})
	}
}

func TestSecretInHistoryEvidence(t *testing.T) {
	img := testImage(v1.Config{}, []string{"ADD rootfs /", "/bin/sh -c #(nop)  ENV X=1", "RUN |1 API_TOKEN=abcdef123456 /bin/sh -c make # buildkit"},
		layer{step: 0}, layer{step: 2})
	fs := runCheck(t, secretInHistory(), img)
	want := []report.Finding{{
		Severity: report.SeverityHigh,
		Message:  "step 2 records a value of a secret-named setting (build argument API_TOKEN)",
		Evidence: report.Evidence{Layer: report.Int(1), LayerDigest: img.Layers[1].Digest, HistoryStep: report.Int(2), ConfigKey: "history[2]", Value: "API_TOKEN=[REDACTED]"},
	}}
	if diff := cmp.Diff(want, fs, cmpFinding); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestSecretInHistoryBounds(t *testing.T) {
	long := "/bin/sh -c echo " + strings.Repeat("x", maxScript) + " GITHUB_TOKEN=" + githubToken
	fs := runCheck(t, secretInHistory(), historyImage(v1.Config{}, "/bin/sh -c true", long))
	want := []brief{{report.SeverityMedium, "the history is too large to search whole: from step 1 on, steps longer than 64 KiB or past the first 1 MiB of history were searched in part or not at all"}}
	if diff := cmp.Diff(want, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	var history []string
	for i := 0; i*maxScript <= maxHistoryText; i++ {
		history = append(history, "/bin/sh -c echo "+strings.Repeat("y", maxScript))
	}
	history = append(history, "/bin/sh -c #(nop)  ENV GITHUB_TOKEN="+githubToken)
	img := historyImage(v1.Config{}, history...)
	fs = runCheck(t, secretInHistory(), img)
	if len(fs) != 1 || fs[0].Severity != report.SeverityMedium || *fs[0].Evidence.HistoryStep != 0 {
		t.Errorf("findings %+v, want one medium note from step 0", briefs(fs))
	}
}

func TestSecretInHistoryManySecrets(t *testing.T) {
	var b strings.Builder
	b.WriteString("/bin/sh -c export")
	for i := 0; i < maxMasked+5; i++ {
		fmt.Fprintf(&b, " T%d_TOKEN=value%dabc", i, i)
	}
	fs := runCheck(t, secretInHistory(), historyImage(v1.Config{}, b.String()))
	if len(fs) != maxMasked+1 {
		t.Fatalf("%d findings, want %d and a summary", len(fs), maxMasked+1)
	}
	if got, want := fs[maxMasked].Message, "step 0 records 5 more secrets"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	noLeak(t, fs, "value1abc", "value68abc")
}
