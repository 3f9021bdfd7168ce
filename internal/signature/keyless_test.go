package signature_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-containerregistry/pkg/name"

	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/keylesstest"
)

const (
	builder = "builder@example.com"
	issuer  = "https://issuer.example.com"
	repo    = "registry.example.com/team/app"
	signer  = builder + " (issuer " + issuer + ")"
)

var (
	imageDigest = "sha256:" + strings.Repeat("1a", 32)
	indexDigest = "sha256:" + strings.Repeat("2b", 32)
	otherDigest = "sha256:" + strings.Repeat("3c", 32)
	targets     = []signature.Target{{Digest: imageDigest}, {Digest: indexDigest}}
	exact       = signature.Identity{SAN: builder, Issuer: issuer}
)

func payloadFor(t testing.TB, digest string) []byte {
	t.Helper()
	d, err := name.NewDigest(repo + "@" + digest)
	if err != nil {
		t.Fatal(err)
	}
	return keylesstest.CosignPayload(t, d)
}

// keylessCase is one signature verified with one identity and root.
type keylessCase struct {
	name    string
	sig     signature.Signature
	id      signature.Identity
	root    string
	want    signature.Verified
	wantErr string // a substring of the error; empty when it verifies
}

func runKeyless(t *testing.T, tests []keylessCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := signature.ReadKeyless(tt.root, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			got, err := k.Verify(context.Background(), tt.sig, targets)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Verify() error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Verify(): %v", err)
			}
			if !strings.HasPrefix(got.Detail, tt.want.Detail) {
				t.Errorf("Detail = %q, want prefix %q", got.Detail, tt.want.Detail)
			}
			got.Detail = tt.want.Detail
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Verify() (-want +got):\n%s", diff)
			}
		})
	}
}

// TestKeylessCosign verifies cosign's classic keyless signatures: the
// certificate, log entry and timestamp annotated on a .sig layer.
func TestKeylessCosign(t *testing.T) {
	vs, other := keylesstest.New(t), keylesstest.New(t)
	rootPath, otherRoot := vs.WriteTrustedRoot(t), other.WriteTrustedRoot(t)
	signed := vs.Cosign(t, builder, issuer, payloadFor(t, imageDigest))
	tampered := signed
	tampered.Payload = payloadFor(t, indexDigest)
	noLog := signed
	noLog.RekorBundle = nil
	noTimestamp := signed
	noTimestamp.Timestamp = nil
	keySigned := signed
	keySigned.Certificate, keySigned.Chain, keySigned.RekorBundle, keySigned.Timestamp = nil, nil, nil, nil
	verified := func(d string) signature.Verified {
		return signature.Verified{Digest: d, Signer: signer, Detail: "signed as " + repo + ", logged at 20"}
	}
	runKeyless(t, []keylessCase{
		{"image digest", signed, exact, rootPath, verified(imageDigest), ""},
		{"index digest", vs.Cosign(t, builder, issuer, payloadFor(t, indexDigest)), exact, rootPath, verified(indexDigest), ""},
		{"log entry without timestamp", noTimestamp, exact, rootPath, verified(imageDigest), ""},
		{"identity regexp", signed, signature.Identity{SANRegexp: `@example\.com$`, Issuer: issuer}, rootPath, verified(imageDigest), ""},
		{"issuer regexp", signed, signature.Identity{SAN: builder, IssuerRegexp: `^https://issuer\.`}, rootPath, verified(imageDigest), ""},
		{"other identity", signed, signature.Identity{SAN: "intruder@example.com", Issuer: issuer}, rootPath, signature.Verified{}, "SAN"},
		{"other issuer", signed, signature.Identity{SAN: builder, Issuer: "https://accounts.example.org"}, rootPath, signature.Verified{}, "issuer"},
		{"identity regexp mismatch", signed, signature.Identity{SANRegexp: `^release@`, Issuer: issuer}, rootPath, signature.Verified{}, "SAN"},
		{"tampered payload", tampered, exact, rootPath, signature.Verified{}, "keyless signature"},
		{"another image", vs.Cosign(t, builder, issuer, payloadFor(t, otherDigest)), exact, rootPath, signature.Verified{}, "covers another image: it signs " + otherDigest},
		{"root without the authority", signed, exact, otherRoot, signature.Verified{}, "keyless signature"},
		{"no log entry", noLog, exact, rootPath, signature.Verified{}, "transparency log"},
		{"signed with a key", keySigned, exact, rootPath, signature.Verified{}, "no certificate: signed with a key, not keylessly"},
	})
}

// TestKeylessBundle verifies sigstore bundles as cosign stores them as
// referrers (a DSSE statement over the image) and as sign-blob writes them.
func TestKeylessBundle(t *testing.T) {
	vs, other := keylesstest.New(t), keylesstest.New(t)
	rootPath, otherRoot := vs.WriteTrustedRoot(t), other.WriteTrustedRoot(t)
	bundle := func(b []byte) signature.Signature {
		return signature.Signature{Format: signature.FormatBundle, Envelope: b, MediaType: signature.BundleMediaType}
	}
	signed := bundle(vs.Bundle(t, builder, issuer, repo, imageDigest))
	manifest := []byte(`{"schemaVersion":2}`)
	sum := sha256.Sum256(manifest)
	manifestDigest := "sha256:" + hex.EncodeToString(sum[:])
	targetsBackup := targets
	t.Cleanup(func() { targets = targetsBackup })
	targets = append(append([]signature.Target(nil), targetsBackup...), signature.Target{Digest: manifestDigest})
	tampered := bundle([]byte(strings.Replace(string(signed.Envelope), `"sig":"`, `"sig":"AAAA`, 1)))
	verified := func(d string) signature.Verified {
		return signature.Verified{Digest: d, Signer: signer, Detail: "logged at 20"}
	}
	runKeyless(t, []keylessCase{
		{"image digest", signed, exact, rootPath, verified(imageDigest), ""},
		{"index digest", bundle(vs.Bundle(t, builder, issuer, repo, indexDigest)), exact, rootPath, verified(indexDigest), ""},
		{"message signature", bundle(vs.MessageBundle(t, builder, issuer, manifest)), exact, rootPath, verified(manifestDigest), ""},
		{"identity regexp", signed, signature.Identity{SANRegexp: `^builder@`, Issuer: issuer}, rootPath, verified(imageDigest), ""},
		{"other identity", signed, signature.Identity{SAN: "intruder@example.com", Issuer: issuer}, rootPath, signature.Verified{}, "SAN"},
		{"other issuer", signed, signature.Identity{SAN: builder, Issuer: "https://accounts.example.org"}, rootPath, signature.Verified{}, "issuer"},
		{"another artifact", bundle(vs.Bundle(t, builder, issuer, repo, otherDigest)), exact, rootPath, signature.Verified{}, "covers another image: it signs " + otherDigest},
		{"tampered signature", tampered, exact, rootPath, signature.Verified{}, "sigstore bundle"},
		{"root without the authority", signed, exact, otherRoot, signature.Verified{}, "sigstore bundle"},
		{"attestation", bundle(vs.Attestation(t, builder, issuer, repo, imageDigest, "https://slsa.dev/provenance/v1")), exact, rootPath, signature.Verified{}, "the bundle is an attestation of type"},
		{"not a bundle", bundle([]byte(`{"mediaType":"x"}`)), exact, rootPath, signature.Verified{}, "parsing sigstore bundle"},
		{"notation", signature.Signature{Format: signature.FormatNotation, Envelope: []byte("{}")}, exact, rootPath, signature.Verified{}, signature.ErrNotApplicable.Error()},
	})
}

// The bundle in testdata is a real keyless signature by the sigstore-js
// release workflow over the npm package below, verified offline against
// the public-good trusted root (which lists certificate transparency
// logs, so its SCT is checked too).
const (
	workflow  = "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main"
	actions   = "https://token.actions.githubusercontent.com"
	npmDigest = "sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c"
)

func TestKeylessPublicGood(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "provenance.sigstore.json"))
	if err != nil {
		t.Fatal(err)
	}
	tampered := []byte(strings.Replace(string(data), `"integratedTime": "1692374735"`, `"integratedTime": "1692374736"`, 1))
	if string(tampered) == string(data) {
		t.Fatal("the log entry was not tampered with")
	}
	rootPath := filepath.Join("testdata", "trusted-root.json")
	tests := []struct {
		name    string
		id      signature.Identity
		bundle  []byte
		targets []signature.Target
		wantErr string
	}{
		{"verified", signature.Identity{SAN: workflow, Issuer: actions}, data, []signature.Target{{Digest: imageDigest}, {Digest: npmDigest}}, ""},
		{"other identity", signature.Identity{SAN: "https://github.com/evil/repo/.github/workflows/release.yml@refs/heads/main", Issuer: actions}, data, []signature.Target{{Digest: npmDigest}}, "SAN"},
		{"other issuer", signature.Identity{SAN: workflow, Issuer: "https://accounts.google.com"}, data, []signature.Target{{Digest: npmDigest}}, "issuer"},
		{"other artifact", signature.Identity{SAN: workflow, Issuer: actions}, data, []signature.Target{{Digest: imageDigest}}, "covers another image"},
		{"tampered log entry", signature.Identity{SAN: workflow, Issuer: actions}, tampered, []signature.Target{{Digest: npmDigest}}, "sigstore bundle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := signature.ReadKeyless(rootPath, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			got, err := k.VerifyBundle(tt.bundle, tt.targets)
			if tt.wantErr == "" {
				if err != nil || got.Digest != npmDigest || got.Signer != workflow+" (issuer "+actions+")" {
					t.Fatalf("Verify() = %+v, %v", got, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Verify() error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	// The bundle is a provenance attestation: genuine, but no image
	// signature, so it is not applicable as one.
	t.Run("attestation is not an image signature", func(t *testing.T) {
		k, err := signature.ReadKeyless(rootPath, signature.Identity{SAN: workflow, Issuer: actions})
		if err != nil {
			t.Fatal(err)
		}
		_, err = k.Verify(context.Background(), signature.Signature{Format: signature.FormatBundle, Envelope: data}, []signature.Target{{Digest: npmDigest}})
		if !errors.Is(err, signature.ErrNotApplicable) {
			t.Fatalf("Verify() error = %v, want ErrNotApplicable", err)
		}
	})
}

func TestReadKeyless(t *testing.T) {
	rootPath := filepath.Join("testdata", "trusted-root.json")
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, signature.MaxTrustedRootSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		id         signature.Identity
		wantErr    string
	}{
		{"missing", filepath.Join(t.TempDir(), "absent.json"), exact, "opening trusted root"},
		{"not a root", filepath.Join("testdata", "provenance.sigstore.json"), exact, "reading trusted root"},
		{"too large", big, exact, "over the"},
		{"no issuer", rootPath, signature.Identity{SAN: builder}, "needs an OIDC issuer"},
		{"no identity", rootPath, signature.Identity{Issuer: issuer}, "needs a certificate identity"},
		{"both identities", rootPath, signature.Identity{SAN: builder, SANRegexp: "x", Issuer: issuer}, "not both"},
		{"both issuers", rootPath, signature.Identity{SAN: builder, Issuer: issuer, IssuerRegexp: "x"}, "not both"},
		{"bad regexp", rootPath, signature.Identity{SANRegexp: "(", Issuer: issuer}, "certificate identity"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := signature.ReadKeyless(tt.path, tt.id)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestIdentityString(t *testing.T) {
	for _, tt := range []struct {
		id   signature.Identity
		want string
	}{
		{exact, "certificate identity builder@example.com from issuer https://issuer.example.com"},
		{signature.Identity{SANRegexp: "^b", IssuerRegexp: "^h"}, "certificate identity matching ^b from an issuer matching ^h"},
	} {
		if got := tt.id.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
