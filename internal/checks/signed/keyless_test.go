package signed_test

import (
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/partial"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/fetch"
	"github.com/customs-oss/customs/internal/signature/keylesstest"
	"github.com/customs-oss/customs/internal/source"
)

const (
	keylessID     = "builder@example.com"
	keylessIssuer = "https://issuer.example.com"
	keylessSigner = keylessID + " (issuer " + keylessIssuer + ")"
)

// signedImage is an image pushed to a registry with the referrers API:
// its tag, the digest signatures must cover (the image's, or the index's
// it was pushed in) and that manifest's descriptor.
type signedImage struct {
	tag     name.Tag
	digest  name.Digest
	subject v1.Descriptor
}

// pushSigned pushes img, alone or in an index, to a fresh registry with
// the referrers API.
func pushSigned(t *testing.T, img v1.Image, inIndex bool) signedImage {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0)), registry.WithReferrersSupport(true)))
	t.Cleanup(srv.Close)
	tag, err := name.NewTag(strings.TrimPrefix(srv.URL, "http://") + "/team/app:v1")
	if err != nil {
		t.Fatal(err)
	}
	var d *v1.Descriptor
	if inIndex {
		idx := mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img,
			Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: "linux", Architecture: "amd64"}}})
		err = remote.WriteIndex(tag, idx)
		if err == nil {
			d, err = partial.Descriptor(idx)
		}
	} else {
		err = remote.Write(tag, img)
		if err == nil {
			d, err = partial.Descriptor(img)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	subject := v1.Descriptor{MediaType: d.MediaType, Digest: d.Digest, Size: d.Size}
	return signedImage{tag: tag, digest: tag.Context().Digest(d.Digest.String()), subject: subject}
}

// sigTag pushes sig as the cosign signature image of s.
func (s signedImage) sigTag(t *testing.T, sig signature.Signature) {
	t.Helper()
	tag := s.tag.Context().Tag(strings.Replace(s.digest.DigestStr(), ":", "-", 1) + ".sig")
	if err := remote.Write(tag, keylesstest.SignatureImage(t, sig)); err != nil {
		t.Fatal(err)
	}
}

// referrer pushes a sigstore bundle as a referrer of s.
func (s signedImage) referrer(t *testing.T, bundle []byte) {
	t.Helper()
	art := keylesstest.Referrer(t, bundle, s.subject)
	d, err := art.Digest()
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(s.tag.Context().Digest(d.String()), art); err != nil {
		t.Fatal(err)
	}
}

// TestInspectKeyless signs images keylessly, as cosign does with its
// classic .sig images and with sigstore bundles stored as referrers, and
// inspects them with a certificate identity and a trusted root: only a
// signature by that identity, chained to that root and logged, over the
// image or its index, verifies.
func TestInspectKeyless(t *testing.T) {
	vs, other := keylesstest.New(t), keylesstest.New(t)
	img := testImage(t)
	keyless := func(vs *keylesstest.Sigstore, id signature.Identity) check.Env {
		k, err := signature.NewKeyless(vs.TrustedRoot(t), id)
		if err != nil {
			t.Fatal(err)
		}
		return check.Env{Signatures: fetch.New(source.Options{}), Verifiers: []signature.Verifier{k}}
	}
	exact := signature.Identity{SAN: keylessID, Issuer: keylessIssuer}
	trust := "certificate identity " + keylessID + " from issuer " + keylessIssuer
	cosign := func(s signedImage, signed name.Digest) signature.Signature {
		return vs.Cosign(t, keylessID, keylessIssuer, keylesstest.CosignPayload(t, signed))
	}
	bundle := func(s signedImage, digest string) []byte {
		return vs.Bundle(t, keylessID, keylessIssuer, s.tag.Context().Name(), digest)
	}
	verified := func(format string) map[string]string {
		return map[string]string{"signed/signature": "info: signed, verified: " + format + " signature by " + keylessSigner + " over DIGEST ("}
	}
	failed := func(format, why string) map[string]string {
		return map[string]string{"signed/signature": "critical: " + format + " signature does not verify with " + trust + ": " + why}
	}
	tests := []struct {
		name    string
		inIndex bool
		sign    func(t *testing.T, s signedImage)
		env     check.Env
		want    map[string]string
	}{
		{"cosign image", false, func(t *testing.T, s signedImage) { s.sigTag(t, cosign(s, s.digest)) }, keyless(vs, exact), verified("cosign")},
		{"cosign index", true, func(t *testing.T, s signedImage) { s.sigTag(t, cosign(s, s.digest)) }, keyless(vs, exact), verified("cosign")},
		{"bundle image", false, func(t *testing.T, s signedImage) { s.referrer(t, bundle(s, s.digest.DigestStr())) }, keyless(vs, exact), verified("sigstore bundle")},
		{"bundle index", true, func(t *testing.T, s signedImage) { s.referrer(t, bundle(s, s.digest.DigestStr())) }, keyless(vs, exact), verified("sigstore bundle")},
		{"identity regexp", false, func(t *testing.T, s signedImage) { s.sigTag(t, cosign(s, s.digest)) },
			keyless(vs, signature.Identity{SANRegexp: `@example\.com$`, IssuerRegexp: `^https://issuer\.`}), verified("cosign")},
		{"identity regexp mismatch", false, func(t *testing.T, s signedImage) { s.referrer(t, bundle(s, s.digest.DigestStr())) },
			keyless(vs, signature.Identity{SANRegexp: `^release@`, Issuer: keylessIssuer}),
			map[string]string{"signed/signature": "critical: sigstore bundle signature does not verify with certificate identity matching ^release@ from issuer " + keylessIssuer + ": sigstore bundle:"}},
		{"other identity", false, func(t *testing.T, s signedImage) { s.sigTag(t, cosign(s, s.digest)) },
			keyless(vs, signature.Identity{SAN: "intruder@example.com", Issuer: keylessIssuer}),
			map[string]string{"signed/signature": "critical: cosign signature does not verify with certificate identity intruder@example.com from issuer " + keylessIssuer + ": keyless signature:"}},
		{"other issuer", false, func(t *testing.T, s signedImage) { s.referrer(t, bundle(s, s.digest.DigestStr())) },
			keyless(vs, signature.Identity{SAN: keylessID, Issuer: "https://accounts.example.org"}),
			map[string]string{"signed/signature": "critical: sigstore bundle signature does not verify with certificate identity " + keylessID + " from issuer https://accounts.example.org: sigstore bundle:"}},
		{"tampered payload", false, func(t *testing.T, s signedImage) {
			sig := cosign(s, s.digest.Context().Digest("sha256:"+strings.Repeat("ab", 32)))
			sig.Payload = keylesstest.CosignPayload(t, s.digest)
			s.sigTag(t, sig)
		}, keyless(vs, exact), failed("cosign", "keyless signature:")},
		{"payload for another image", false, func(t *testing.T, s signedImage) {
			s.sigTag(t, cosign(s, s.digest.Context().Digest("sha256:"+strings.Repeat("ab", 32))))
		}, keyless(vs, exact), failed("cosign", "it is by "+keylessSigner+", but the signature covers another image")},
		{"bundle for another artifact", false, func(t *testing.T, s signedImage) {
			s.referrer(t, bundle(s, "sha256:"+strings.Repeat("ab", 32)))
		}, keyless(vs, exact), failed("sigstore bundle", "it is by "+keylessSigner+", but the signature covers another image")},
		{"attestation only", false, func(t *testing.T, s signedImage) {
			s.referrer(t, vs.Attestation(t, keylessID, keylessIssuer, s.tag.Context().Name(), s.digest.DigestStr(), "https://slsa.dev/provenance/v1"))
		}, keyless(vs, exact), map[string]string{"signed/signature": "critical: no signature verifies: " + trust + " was required, but the image only has signatures it does not cover: 1 sigstore bundle signature(s)"}},
		{"root without the authority", false, func(t *testing.T, s signedImage) {
			s.sigTag(t, cosign(s, s.digest))
		}, keyless(other, exact), failed("cosign", "keyless signature:")},
		{"bundle and root without the authority", false, func(t *testing.T, s signedImage) {
			s.referrer(t, bundle(s, s.digest.DigestStr()))
		}, keyless(other, exact), failed("sigstore bundle", "sigstore bundle:")},
		{"certificate without log entry", false, func(t *testing.T, s signedImage) {
			sig := cosign(s, s.digest)
			sig.RekorBundle = nil
			s.sigTag(t, sig)
		}, keyless(vs, exact), failed("cosign", "keyless signature: failed to verify log inclusion")},
		{"signed with a key", false, func(t *testing.T, s signedImage) {
			sign(t, newKeyPair(t), s.digest, s.digest)
		}, keyless(vs, exact), failed("cosign", "no certificate: signed with a key, not keylessly")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := pushSigned(t, img, tt.inIndex)
			tt.sign(t, s)
			got := inspect(t, s.tag.String(), tt.env)
			want := map[string]string{}
			for id, msg := range tt.want {
				// DIGEST is the manifest that was signed.
				want[id] = strings.ReplaceAll(msg, "DIGEST", s.digest.DigestStr())
			}
			for id, msg := range got {
				if w, ok := want[id]; ok && strings.HasPrefix(msg, w) {
					got[id] = w
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
