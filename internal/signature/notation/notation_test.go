package notation

import (
	"context"
	"crypto/x509"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/notation/notationtest"
)

const repo = "registry.example.com/team/app"

var (
	image = signature.Target{Digest: "sha256:" + strings.Repeat("ab", 32), MediaType: "application/vnd.oci.image.manifest.v1+json", Size: 512}
	index = signature.Target{Digest: "sha256:" + strings.Repeat("cd", 32), MediaType: "application/vnd.oci.image.index.v1+json", Size: 300}
	other = signature.Target{Digest: "sha256:" + strings.Repeat("ef", 32), MediaType: "application/vnd.oci.image.manifest.v1+json", Size: 512}
)

// load writes a notation configuration trusting pki's root under the
// statements and returns the verifier bound to repo.
func load(t *testing.T, pki notationtest.PKI, statements ...notationtest.Statement) *Notation {
	t.Helper()
	dir := t.TempDir()
	notationtest.WriteConfig(t, dir, notationtest.Policy(t, statements...), map[string]*x509.Certificate{"team": pki.Root})
	c, err := Locate(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Load(c)
	if err != nil {
		t.Fatal(err)
	}
	return n.In(repo)
}

func strict(scopes ...string) notationtest.Statement {
	return notationtest.Statement{Name: "team", Level: "strict", Store: "team", Scopes: scopes}
}

func TestVerify(t *testing.T) {
	pki, stranger := notationtest.NewPKI(t, "team signer"), notationtest.NewPKI(t, "stranger")
	sign := func(p notationtest.PKI, target signature.Target, mt string) signature.Signature {
		return signature.Signature{Format: signature.FormatNotation, Envelope: p.Sign(t, descriptor(target), mt), MediaType: mt}
	}
	jws, cose := signature.NotationJWSMediaType, signature.NotationCOSEMediaType
	both := []signature.Target{image, index}
	tests := []struct {
		name      string
		policy    []notationtest.Statement
		sig       signature.Signature
		want      signature.Verified
		wantErr   string
		errTarget error
	}{
		{"jws", []notationtest.Statement{strict(repo)}, sign(pki, image, jws),
			signature.Verified{Digest: image.Digest, Signer: "CN=team signer,O=customs test", Detail: `trust policy "team", level strict; revocation not checked`}, "", nil},
		{"cose", []notationtest.Statement{strict(repo)}, sign(pki, image, cose),
			signature.Verified{Digest: image.Digest, Signer: "CN=team signer,O=customs test", Detail: `trust policy "team", level strict; revocation not checked`}, "", nil},
		{"index", []notationtest.Statement{strict("*")}, sign(pki, index, jws),
			signature.Verified{Digest: index.Digest, Signer: "CN=team signer,O=customs test", Detail: `trust policy "team", level strict; revocation not checked`}, "", nil},
		{"exact scope wins over wildcard", []notationtest.Statement{strict(repo), {Name: "rest", Level: "skip", Scopes: []string{"*"}}}, sign(pki, image, cose),
			signature.Verified{Digest: image.Digest, Signer: "CN=team signer,O=customs test", Detail: `trust policy "team", level strict; revocation not checked`}, "", nil},
		{"certificate not in the trust store", []notationtest.Statement{strict(repo)}, sign(stranger, image, jws),
			signature.Verified{}, `trust policy "team" (level strict): the signature's certificate chain does not contain any trusted certificate`, nil},
		{"audit logs an untrusted signer", []notationtest.Statement{{Name: "team", Level: "audit", Store: "team", Scopes: []string{repo}}}, sign(stranger, image, jws),
			signature.Verified{Digest: image.Digest, Signer: "CN=stranger,O=customs test",
				Detail: `trust policy "team", level audit; authenticity not enforced: the signature's certificate chain does not contain any trusted certificate; revocation not checked`}, "", nil},
		{"another image", []notationtest.Statement{strict(repo)}, sign(pki, other, jws),
			signature.Verified{}, "it is by CN=team signer,O=customs test, but the signature covers another image: it signs " + other.Digest, signature.ErrDigestMismatch},
		{"size differs from the target", []notationtest.Statement{strict(repo)}, sign(pki, signature.Target{Digest: image.Digest, MediaType: image.MediaType, Size: 1}, jws),
			signature.Verified{}, "content descriptor mismatch", nil},
		{"scope does not cover the image", []notationtest.Statement{strict("registry.example.com/other/app")}, sign(pki, image, jws),
			signature.Verified{}, `no statement of the trust policy has a registry scope covering ` + repo + "@" + image.Digest, nil},
		{"skip", []notationtest.Statement{{Name: "lax", Level: "skip", Scopes: []string{repo}}}, sign(stranger, image, jws),
			signature.Verified{Digest: image.Digest, Signer: "an unverified signer", Detail: `trust policy "lax" has verification level skip: the signature was not verified`, Unverified: true}, "", nil},
		{"cosign signature", []notationtest.Statement{strict(repo)}, signature.Signature{Format: signature.FormatSimpleSigning},
			signature.Verified{}, "not covered", signature.ErrNotApplicable},
		{"unknown media type", []notationtest.Statement{strict(repo)}, signature.Signature{Format: signature.FormatNotation, Envelope: []byte("{}"), MediaType: "text/plain"},
			signature.Verified{}, `unknown media type "text/plain"`, nil},
		{"garbage", []notationtest.Statement{strict(repo)}, signature.Signature{Format: signature.FormatNotation, Envelope: []byte(`{"payload":"e30"}`), MediaType: jws},
			signature.Verified{}, "notation envelope", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := load(t, pki, tt.policy...)
			got, err := n.Verify(context.Background(), tt.sig, both)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				if tt.errTarget != nil && !errors.Is(err, tt.errTarget) {
					t.Fatalf("err = %v, want %v", err, tt.errTarget)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Verify (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVerifyNeedsRepository(t *testing.T) {
	pki := notationtest.NewPKI(t, "team signer")
	n := load(t, pki, strict(repo))
	n.repository = ""
	sig := signature.Signature{Format: signature.FormatNotation, Envelope: pki.Sign(t, descriptor(image), signature.NotationJWSMediaType), MediaType: signature.NotationJWSMediaType}
	if _, err := n.Verify(context.Background(), sig, []signature.Target{image}); err == nil || !strings.Contains(err.Error(), "repository is unknown") {
		t.Fatalf("err = %v, want the repository to be required", err)
	}
}

func TestTrust(t *testing.T) {
	pki := notationtest.NewPKI(t, "team signer")
	n := load(t, pki, strict(repo), notationtest.Statement{Name: "rest", Level: "skip", Scopes: []string{"*"}})
	if got, want := n.Trust(), `notation trust policy "team", "rest"`; got != want {
		t.Errorf("Trust() = %q, want %q", got, want)
	}
}
