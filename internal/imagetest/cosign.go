package imagetest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"github.com/sigstore/sigstore/pkg/cryptoutils"
	sigstore "github.com/sigstore/sigstore/pkg/signature"
	"github.com/sigstore/sigstore/pkg/signature/payload"

	"github.com/customs-oss/customs/internal/signature"
)

// CosignSignature is the signature image `cosign sign --key` stores at the
// sha256-<hex>.sig tag: one simple signing layer whose payload names
// signed, signed by s, with the base64 signature and any extra annotations
// (a keyless certificate, a log entry) on the layer.
func CosignSignature(t testing.TB, s sigstore.Signer, signed name.Digest, annotations map[string]string) v1.Image {
	t.Helper()
	body, err := payload.Cosign{Image: signed}.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	sig, err := s.SignMessage(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ann := map[string]string{signature.SignatureAnnotation: base64.StdEncoding.EncodeToString(sig)}
	for k, v := range annotations {
		ann[k] = v
	}
	img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1), mutate.Addendum{
		Layer:       static.NewLayer(body, types.MediaType(signature.SimpleSigningMediaType)),
		Annotations: ann,
	})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// SignatureTag is the tag cosign stores the signatures of digest d under.
func SignatureTag(d v1.Hash) string { return d.Algorithm + "-" + d.Hex + ".sig" }

// CosignKey generates a P-256 key pair as `cosign generate-key-pair` does
// and returns the signer and the PEM public key.
func CosignKey(t testing.TB) (sigstore.Signer, []byte) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := sigstore.LoadSigner(priv, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	pemBytes, err := cryptoutils.MarshalPublicKeyToPEM(priv.Public())
	if err != nil {
		t.Fatal(err)
	}
	return s, pemBytes
}
