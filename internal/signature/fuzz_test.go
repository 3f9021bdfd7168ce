package signature

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"

	"github.com/sigstore/sigstore/pkg/cryptoutils"
)

// FuzzParsePayload feeds arbitrary bytes to the payload parser: it must
// never panic, and what it accepts names a well-formed digest.
func FuzzParsePayload(f *testing.F) {
	f.Add(cosignPayload(f, digestA))
	f.Add([]byte(`{"critical":{"type":"cosign container image signature","image":{"docker-manifest-digest":"sha256:abc"}}}`))
	f.Add([]byte(`{"critical":null,"optional":{"a":1}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePayload(data)
		if err != nil {
			return
		}
		if validDigest(p.Digest) != nil {
			t.Fatalf("accepted malformed digest %q", p.Digest)
		}
	})
}

// FuzzVerify feeds arbitrary signatures and payloads to verification with
// a fixed key: it must never panic nor accept what the key did not sign.
func FuzzVerify(f *testing.F) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		f.Fatal(err)
	}
	pemKey, err := cryptoutils.MarshalPublicKeyToPEM(priv.Public())
	if err != nil {
		f.Fatal(err)
	}
	k, err := ParseKey(pemKey)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(cosignPayload(f, digestA), "MEUCIQ==")
	f.Add([]byte("{}"), "")
	f.Add([]byte(nil), "not base64!")
	f.Fuzz(func(t *testing.T, payload []byte, b64 string) {
		if _, err := k.Verify(context.Background(), Signature{Format: FormatSimpleSigning, Payload: payload, Base64: b64}, targets(digestA)); err == nil {
			t.Fatalf("verified a signature the key never made: %q over %q", b64, payload)
		}
	})
}
