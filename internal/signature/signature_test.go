package signature

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	sigstore "github.com/sigstore/sigstore/pkg/signature"
	"github.com/sigstore/sigstore/pkg/signature/payload"
)

const digestA = "sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func cosignPayload(t testing.TB, digest string) []byte {
	t.Helper()
	d, err := name.NewDigest("registry.example.com/team/app@" + digest)
	if err != nil {
		t.Fatal(err)
	}
	b, err := payload.Cosign{Image: d, ClaimedIdentity: "registry.example.com/team/app:v1"}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParsePayload(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    Payload
		wantErr string
	}{
		{"cosign", string(cosignPayload(t, digestA)), Payload{Digest: digestA, Reference: "registry.example.com/team/app:v1"}, ""},
		{"other type", `{"critical":{"type":"atomic container signature","image":{"docker-manifest-digest":"` + digestA + `"}}}`, Payload{}, "has type"},
		{"short digest", `{"critical":{"type":"cosign container image signature","image":{"docker-manifest-digest":"sha256:abc"}}}`, Payload{}, "malformed"},
		{"upper hex", `{"critical":{"type":"cosign container image signature","image":{"docker-manifest-digest":"` + strings.ToUpper(digestA) + `"}}}`, Payload{}, "malformed"},
		{"not json", `nope`, Payload{}, "parsing"},
		{"too large", `{"x":"` + strings.Repeat("a", MaxPayloadSize) + `"}`, Payload{}, "over the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePayload([]byte(tt.data))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParsePayload = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

// signWith signs data as cosign does and returns the PEM public key.
func signWith(t *testing.T, priv crypto.Signer, data []byte) (pemKey []byte, b64 string) {
	t.Helper()
	s, err := sigstore.LoadSigner(priv, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := s.SignMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	pemKey, err = cryptoutils.MarshalPublicKeyToPEM(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return pemKey, base64.StdEncoding.EncodeToString(sig)
}

func TestVerify(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	_, ed, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	body := cosignPayload(t, digestA)
	other := "sha256:" + strings.Repeat("ff", 32)
	for _, tt := range []struct {
		name    string
		priv    crypto.Signer
		payload []byte // verified instead of body when set
		digests []string
		wantErr string
	}{
		{"ecdsa", ec, nil, []string{digestA}, ""},
		{"rsa", rs, nil, []string{digestA}, ""},
		{"ed25519", ed, nil, []string{digestA}, ""},
		{"index digest", ec, nil, []string{other, digestA}, ""},
		{"other image", ec, nil, []string{other}, "covers another image"},
		{"tampered payload", ec, cosignPayload(t, other), []string{other}, "does not match key"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pemKey, b64 := signWith(t, tt.priv, body)
			k, err := ParseKey(pemKey)
			if err != nil {
				t.Fatal(err)
			}
			sig := Signature{Format: FormatSimpleSigning, Payload: body, Base64: b64}
			if tt.payload != nil {
				sig.Payload = tt.payload
			}
			p, err := k.Verify(context.Background(), sig, targets(tt.digests...))
			if tt.wantErr == "" {
				if err != nil || p.Digest != digestA {
					t.Fatalf("Verify = %+v, %v", p, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
			if tt.wantErr == "covers another image" && !errors.Is(err, ErrDigestMismatch) {
				t.Errorf("err = %v, want ErrDigestMismatch", err)
			}
		})
	}
}

func TestReadKeyFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	good, err := cryptoutils.MarshalPublicKeyToPEM(ec.Public())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, wantErr string
	}{
		{"ecdsa", write("cosign.pub", good), ""},
		{"missing", filepath.Join(dir, "absent.pub"), "opening public key"},
		{"garbage", write("junk.pub", []byte("not a key")), "reading public key"},
		{"too large", write("big.pub", bytes.Repeat([]byte("a"), maxKeyFile+1)), "over"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			k, err := ReadKeyFile(tt.path)
			if tt.wantErr == "" {
				if err != nil || !strings.HasPrefix(k.Fingerprint, "SHA256:") || len(k.Fingerprint) != 7+64 {
					t.Fatalf("ReadKeyFile = %+v, %v", k, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// targets names manifests by digest alone, as cosign payloads do.
func targets(digests ...string) []Target {
	var out []Target
	for _, d := range digests {
		out = append(out, Target{Digest: d})
	}
	return out
}

func TestKeyIgnoresOtherFormats(t *testing.T) {
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pemKey, b64 := signWith(t, ec, cosignPayload(t, digestA))
	k, err := ParseKey(pemKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatBundle, FormatNotation} {
		_, err := k.Verify(context.Background(), Signature{Format: f, Base64: b64, Envelope: []byte("{}")}, targets(digestA))
		if !errors.Is(err, ErrNotApplicable) {
			t.Errorf("%s: err = %v, want ErrNotApplicable", f, err)
		}
	}
}
