package integration

import (
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature/keylesstest"
)

// TestKeylessSignatures signs an image keylessly as classic cosign does
// (certificate, log entry and timestamp annotated on the .sig image, the
// only scheme a registry without the referrers API holds), stores it in a
// real docker-registry and verifies it through the command line against a
// trusted_root.json file: the signer's identity verifies, another
// identity, another issuer or another root rejects.
func TestKeylessSignatures(t *testing.T) {
	reg := startRegistry(t)
	clean := cleanImage(t)
	vs, other := keylesstest.New(t), keylesstest.New(t)
	root, otherRoot := vs.WriteTrustedRoot(t), other.WriteTrustedRoot(t)
	const (
		id     = "release@example.com"
		issuer = "https://issuer.example.com"
	)
	login := []string{"--insecure-registry", reg.Host, "--username", reg.User, "--password-stdin"}
	tests := []struct {
		name     string
		flags    []string
		wantCode int
		want     string // severity and message prefix of signed/signature
	}{
		{"verified", []string{"--certificate-identity", id, "--certificate-oidc-issuer", issuer, "--trusted-root", root},
			0, "info: signed, verified: cosign signature by " + id + " (issuer " + issuer + ") over " + clean.Digest.String()},
		{"identity regexp", []string{"--certificate-identity-regexp", `^release@`, "--certificate-oidc-issuer", issuer, "--trusted-root", root},
			0, "info: signed, verified: cosign signature by " + id},
		{"other identity", []string{"--certificate-identity", "intruder@example.com", "--certificate-oidc-issuer", issuer, "--trusted-root", root},
			3, "critical: cosign signature does not verify with certificate identity intruder@example.com from issuer " + issuer},
		{"other issuer", []string{"--certificate-identity", id, "--certificate-oidc-issuer", "https://accounts.example.org", "--trusted-root", root},
			3, "critical: cosign signature does not verify with certificate identity " + id + " from issuer https://accounts.example.org"},
		{"other root", []string{"--certificate-identity", id, "--certificate-oidc-issuer", issuer, "--trusted-root", otherRoot},
			3, "critical: cosign signature does not verify with certificate identity " + id},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := "keyless/app" + string(rune('a'+i))
			ref := reg.push(t, repo+":1", clean.Image)
			signed, err := name.NewDigest(reg.Host+"/"+repo+"@"+clean.Digest.String(), name.Insecure)
			if err != nil {
				t.Fatal(err)
			}
			sig := vs.Cosign(t, id, issuer, keylesstest.CosignPayload(t, signed))
			reg.push(t, repo+":"+imagetest.SignatureTag(clean.Digest), keylesstest.SignatureImage(t, sig))
			res := inspect(t, reg.Password+"\n", append(append([]string{ref}, login...), tt.flags...)...)
			got := res.mustReport(t)
			if res.code != tt.wantCode {
				t.Errorf("exit %d, want %d", res.code, tt.wantCode)
			}
			msg := ""
			for _, f := range got.Findings {
				if f.Check == "signed/signature" {
					msg = f.Severity.String() + ": " + f.Message
				}
			}
			if !strings.HasPrefix(msg, tt.want) {
				t.Errorf("signed/signature = %q, want %q...", msg, tt.want)
			}
			if tt.wantCode == 3 && got.Verdict.Decision != report.Reject {
				t.Errorf("verdict %s, want reject", got.Verdict.Decision)
			}
		})
	}
}
