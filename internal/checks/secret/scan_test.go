package secret_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/checks/secret"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/report/sarif"
	"github.com/customs-oss/customs/internal/report/table"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

func random(t *testing.T, alphabet string, n int) string {
	t.Helper()
	var b strings.Builder
	for range n {
		i, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteByte(alphabet[i.Int64()])
	}
	return b.String()
}

// TestScan runs the secret checks the way customs inspect does on an image
// whose secrets are spread over layers: a key and a registry login deleted
// by a later layer, a key under an innocent name, a dotenv file, a history
// file. Every secret must be found with its layer and hiding layer, and none
// may appear in the JSON, SARIF or table report.
func TestScan(t *testing.T) {
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	keyBody := base64.StdEncoding.EncodeToString(x509.MarshalPKCS1PrivateKey(k))
	key := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
	awsID := "AKIA" + random(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
	awsSecret := random(t, alnum+"+/", 40)
	registryPass := random(t, alnum, 24)
	dbPass := random(t, alnum, 24)
	token := "ghp_" + random(t, alnum, 36)
	dockerConfig := `{"auths":{"registry.example.com":{"auth":"` + base64.StdEncoding.EncodeToString([]byte("ci:"+registryPass)) + `"}}}`

	img := imagetest.Image(t, v1.Config{User: "1000", Cmd: []string{"/app/run"}},
		imagetest.Step{CreatedBy: "COPY . /", Layer: imagetest.Layer(t,
			imagetest.Dir("root/"), imagetest.Dir("root/.ssh/"), imagetest.Dir("root/.docker/"),
			imagetest.File{Path: "root/.ssh/id_rsa", Content: key, Mode: 0o600},
			imagetest.File{Path: "root/.docker/config.json", Content: dockerConfig, Mode: 0o600},
			imagetest.File{Path: "root/.aws/credentials", Content: "[default]\naws_access_key_id=" + awsID + "\naws_secret_access_key=" + awsSecret + "\n"},
			imagetest.File{Path: "root/.bash_history", Content: "git clone https://x:" + token + "@github.com/o/r\n"},
			imagetest.Dir("app/"),
			imagetest.File{Path: "app/.env", Content: "DB_PASSWORD=" + dbPass + "\n"},
			imagetest.File{Path: "app/notes", Content: "keep this\n" + key})},
		imagetest.Step{CreatedBy: "RUN rm -rf /root/.ssh/id_rsa /root/.docker /root/.aws", Layer: imagetest.Layer(t,
			imagetest.Whiteout("root/.ssh", "id_rsa"), imagetest.Whiteout("root", ".docker"), imagetest.Whiteout("root", ".aws"))},
	)
	ref := imagetest.Layout(t, img, "example.com/team/app:1")
	r, err := scan.Inspect(context.Background(), ref, scan.Options{
		Checks:   secret.Checks(),
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) },
		CacheDir: t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}

	type summary struct {
		Check, Severity, Path, Rule string
		Layer, HiddenBy             int
	}
	var got []summary
	for _, f := range r.Findings {
		s := summary{Check: f.Check, Severity: f.Severity.String(), Path: f.Evidence.Path, Layer: -1, HiddenBy: -1}
		s.Rule, _, _ = strings.Cut(f.Evidence.Value, " ")
		if f.Evidence.Layer != nil {
			s.Layer = *f.Evidence.Layer
		}
		if f.Evidence.HiddenBy != nil {
			s.HiddenBy = *f.Evidence.HiddenBy
		}
		if f.Check == "secret/shell-history" {
			s.Rule = ""
		}
		got = append(got, s)
	}
	want := []summary{
		{"secret/credential", "critical", "/root/.aws/credentials", "aws-access-token", 0, 1},
		{"secret/credential", "critical", "/root/.aws/credentials", "aws-secret-access-key", 0, 1},
		{"secret/credential", "critical", "/root/.bash_history", "github-pat", 0, -1},
		{"secret/credential", "critical", "/root/.docker/config.json", "docker-registry-auth", 0, 1},
		{"secret/private-key", "critical", "/app/notes", "-----BEGIN", 0, -1},
		{"secret/private-key", "critical", "/root/.ssh/id_rsa", "-----BEGIN", 0, 1},
		{"secret/credential", "high", "/app/.env", "dotenv-secret", 0, -1},
		{"secret/shell-history", "medium", "/root/.bash_history", "", 0, -1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if r.Verdict.Decision != "reject" {
		t.Errorf("verdict %q, want reject", r.Verdict.Decision)
	}

	var js, sf, tb bytes.Buffer
	if err := report.WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	if err := sarif.Write(&sf, r); err != nil {
		t.Fatal(err)
	}
	if err := table.Write(&tb, r, table.Options{}); err != nil {
		t.Fatal(err)
	}
	secrets := map[string]string{
		"aws secret": awsSecret, "aws key id": awsID, "registry password": registryPass,
		"registry auth": base64.StdEncoding.EncodeToString([]byte("ci:" + registryPass)),
		"db password":   dbPass, "token": token, "key body": keyBody[:64],
	}
	for format, out := range map[string]string{"json": js.String(), "sarif": sf.String(), "table": tb.String()} {
		for name, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("the %s report holds the %s", format, name)
			}
		}
		if !strings.Contains(out, "AKIA...") {
			t.Errorf("the %s report does not show the AWS key's fingerprint", format)
		}
	}
}
