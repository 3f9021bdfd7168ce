package signature_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/keylesstest"
)

// fuzzKeyless is a verifier for what vs signs.
func fuzzKeyless(f *testing.F, vs *keylesstest.Sigstore) *signature.Keyless {
	f.Helper()
	k, err := signature.NewKeyless(vs.TrustedRoot(f), exact)
	if err != nil {
		f.Fatal(err)
	}
	return k
}

// FuzzKeylessBundle feeds arbitrary bytes as a sigstore bundle: parsing
// and verification must never panic, and only a bundle vs signed over a
// target verifies, for that target.
func FuzzKeylessBundle(f *testing.F) {
	vs := keylesstest.New(f)
	k := fuzzKeyless(f, vs)
	genuine := vs.Bundle(f, builder, issuer, repo, imageDigest)
	f.Add(genuine)
	f.Add(vs.MessageBundle(f, builder, issuer, []byte("manifest")))
	real, err := os.ReadFile(filepath.Join("testdata", "provenance.sigstore.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte(`{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := signature.ParseBundle(data); err != nil {
			return
		}
		got, err := k.Verify(context.Background(), signature.Signature{Format: signature.FormatBundle, Envelope: data}, targets)
		if err != nil {
			return
		}
		if got.Digest != imageDigest {
			t.Fatalf("verified a bundle for %s, which was never signed", got.Digest)
		}
	})
}

// FuzzKeylessCosign feeds arbitrary annotations of a keyless cosign
// signature: parsing and verification must never panic, and nothing but
// the payload vs signed verifies.
func FuzzKeylessCosign(f *testing.F) {
	vs := keylesstest.New(f)
	k := fuzzKeyless(f, vs)
	body := payloadFor(f, imageDigest)
	sig := vs.Cosign(f, builder, issuer, body)
	f.Add(sig.Payload, sig.Base64, sig.Certificate, sig.RekorBundle, sig.Timestamp)
	f.Add(sig.Payload, sig.Base64, sig.Certificate, []byte(`{"SignedEntryTimestamp":"c2V0","Payload":{"body":"e30=","logID":"zz"}}`), []byte(`{"SignedRFC3161Timestamp":"AA=="}`))
	f.Add([]byte("{}"), "", []byte("-----BEGIN CERTIFICATE-----\n"), []byte("null"), []byte("[]"))
	f.Fuzz(func(t *testing.T, payload []byte, b64 string, cert, rekor, ts []byte) {
		s := signature.Signature{Format: signature.FormatSimpleSigning, Payload: payload, Base64: b64, Certificate: cert, RekorBundle: rekor, Timestamp: ts}
		if _, err := signature.ParseCosignKeyless(s); err != nil {
			return
		}
		if _, err := k.Verify(context.Background(), s, targets); err == nil && !bytes.Equal(payload, body) {
			t.Fatalf("verified a payload that was never signed: %q", payload)
		}
	})
}
