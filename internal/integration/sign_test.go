package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	sigstore "github.com/sigstore/sigstore/pkg/signature"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
)

// cosignKey is a key pair as `cosign generate-key-pair` makes it: the
// signer stays in the test, the public key is written for --key.
type cosignKey struct {
	signer sigstore.Signer
	pub    string
}

func newCosignKey(t *testing.T) cosignKey {
	t.Helper()
	s, pemBytes := imagetest.CosignKey(t)
	path := filepath.Join(t.TempDir(), "cosign.pub")
	if err := os.WriteFile(path, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	return cosignKey{signer: s, pub: path}
}

// sign stores a cosign signature of the image at digest in the registry,
// at the sha256-<hex>.sig tag, over a payload that names signed.
func (r *registryServer) sign(t *testing.T, k cosignKey, repo string, digest, signed v1.Hash) {
	t.Helper()
	ref, err := name.NewDigest(r.Host+"/"+repo+"@"+signed.String(), name.Insecure)
	if err != nil {
		t.Fatal(err)
	}
	r.push(t, repo+":"+imagetest.SignatureTag(digest), imagetest.CosignSignature(t, k.signer, ref, nil))
}

// TestSignatures signs images with keys generated here, stores the
// signatures in a real docker-registry and verifies them through the
// command line: a signature by the given key over the image verifies, a
// signature by another key, one over another image, a tampered image and
// an unsigned one reject.
func TestSignatures(t *testing.T) {
	reg := startRegistry(t)
	clean := cleanImage(t)
	key, other := newCosignKey(t), newCosignKey(t)
	login := []string{"--insecure-registry", reg.Host, "--username", reg.User, "--password-stdin"}
	password := reg.Password + "\n"
	otherDigest := v1.Hash{Algorithm: "sha256", Hex: strings.Repeat("ab", 32)}

	tests := []struct {
		name     string
		setup    func(t *testing.T, repo string)
		key      string
		wantCode int
		want     string // severity and message prefix of signed/signature
	}{
		{"verified", func(t *testing.T, repo string) {
			reg.sign(t, key, repo, clean.Digest, clean.Digest)
		}, key.pub, 0, "info: signed, verified: cosign signature by key SHA256:"},
		{"other key", func(t *testing.T, repo string) {
			reg.sign(t, other, repo, clean.Digest, clean.Digest)
		}, key.pub, 3, "critical: cosign signature does not verify with key SHA256:"},
		{"signs another image", func(t *testing.T, repo string) {
			reg.sign(t, key, repo, clean.Digest, otherDigest)
		}, key.pub, 3, "critical: cosign signature does not verify with key SHA256:"},
		{"unsigned", func(*testing.T, string) {}, key.pub, 3, "critical: no signature to verify: key SHA256:"},
		{"no key", func(t *testing.T, repo string) {
			reg.sign(t, key, repo, clean.Digest, clean.Digest)
		}, "", 0, "low: signed, not verified: no trust material given"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := "signed/app" + string(rune('a'+i))
			ref := reg.push(t, repo+":1", clean.Image)
			tt.setup(t, repo)
			args := append([]string{ref}, login...)
			if tt.key != "" {
				args = append(args, "--key", tt.key)
			}
			res := inspect(t, password, args...)
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
