package integration

import (
	"crypto/x509"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/partial"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/notation/notationtest"
)

// TestNotationSignatures signs the demo image as notation does, stores the
// signature in a real docker-registry, which has no referrers API, so the
// signature is listed by the referrers tag sha256-<hex>, and verifies it
// through the command line with a notation configuration directory: a
// certificate from the trust store verifies, another rejects.
func TestNotationSignatures(t *testing.T) {
	reg := startRegistry(t)
	clean := cleanImage(t)
	team, stranger := notationtest.NewPKI(t, "team signer"), notationtest.NewPKI(t, "stranger")
	login := []string{"--insecure-registry", reg.Host, "--username", reg.User, "--password-stdin"}
	auth := remote.WithAuth(&authn.Basic{Username: reg.User, Password: reg.Password})
	subject, err := partial.Descriptor(clean.Image)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		pki      notationtest.PKI
		mt       string
		wantCode int
		want     string // severity and message prefix of signed/signature
	}{
		{"verified", team, signature.NotationJWSMediaType, 0, "info: signed, verified: notation signature by CN=team signer,O=customs test over " + clean.Digest.String()},
		{"cose", team, signature.NotationCOSEMediaType, 0, "info: signed, verified: notation signature by CN=team signer,O=customs test over " + clean.Digest.String()},
		{"certificate outside the trust store", stranger, signature.NotationJWSMediaType, 3,
			"critical: notation signature does not verify with notation trust policy \"team\": trust policy \"team\" (level strict): the signature's certificate chain does not contain any trusted certificate"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := "notation/app" + string(rune('a'+i))
			ref := reg.push(t, repo+":1", clean.Image)
			r, err := name.NewRepository(reg.Host+"/"+repo, name.Insecure)
			if err != nil {
				t.Fatal(err)
			}
			env := tt.pki.Sign(t, notationtest.Descriptor(*subject), tt.mt)
			notationtest.Push(t, r, *subject, env, tt.mt, auth)
			if _, err := remote.Head(r.Tag(strings.Replace(clean.Digest.String(), ":", "-", 1)), auth); err != nil {
				t.Fatalf("the referrers tag was not written: %v", err)
			}

			dir := t.TempDir()
			policy := notationtest.Policy(t, notationtest.Statement{Name: "team", Level: "strict", Store: "team", Scopes: []string{r.Name()}})
			notationtest.WriteConfig(t, dir, policy, map[string]*x509.Certificate{"team": team.Root})
			res := inspect(t, reg.Password+"\n", append([]string{ref, "--notation-config", dir}, login...)...)
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
