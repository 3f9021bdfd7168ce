package keylesstest

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/root"
	"github.com/sigstore/sigstore/pkg/cryptoutils"

	"github.com/customs-oss/customs/internal/signature"
)

// Cosign signs payload as `cosign sign` does keylessly: a short-lived
// certificate for identity and issuer, a signature over the payload by its
// key, a hashedrekord log entry with the log's promise and an RFC 3161
// timestamp over the signature, as the annotations of a signature layer.
func (s *Sigstore) Cosign(t testing.TB, identity, issuer string, body []byte) signature.Signature {
	t.Helper()
	e, err := s.vs.Sign(identity, issuer, body)
	if err != nil {
		t.Fatal(err)
	}
	vc, err := e.VerificationContent()
	if err != nil {
		t.Fatal(err)
	}
	leaf := vc.(*bundle.Certificate).Certificate()
	certPEM, err := cryptoutils.MarshalCertificateToPEM(leaf)
	if err != nil {
		t.Fatal(err)
	}
	fulcio := s.vs.FulcioCertificateAuthorities()[0].(*root.FulcioCertificateAuthority)
	chainPEM, err := cryptoutils.MarshalCertificatesToPEM(append(fulcio.Intermediates, fulcio.Root))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := e.SignatureContent()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := e.TlogEntries()
	if err != nil {
		t.Fatal(err)
	}
	tss, err := e.Timestamps()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := json.Marshal(map[string][]byte{"SignedRFC3161Timestamp": tss[0]})
	if err != nil {
		t.Fatal(err)
	}
	return signature.Signature{
		Format:      signature.FormatSimpleSigning,
		Payload:     body,
		Base64:      base64.StdEncoding.EncodeToString(sc.Signature()),
		Certificate: certPEM,
		Chain:       chainPEM,
		RekorBundle: rekorBundle(t, s.withPromise(t, entries[0], "hashedrekord", "0.0.1")),
		Timestamp:   ts,
	}
}

// SignatureImage is the image cosign stores at the sha256-<hex>.sig tag
// for sig: one simple signing layer with the signature, certificate,
// chain, log entry and timestamp that sig has as annotations.
func SignatureImage(t testing.TB, sig signature.Signature) v1.Image {
	t.Helper()
	ann := map[string]string{signature.SignatureAnnotation: sig.Base64}
	for k, v := range map[string][]byte{
		signature.CertificateAnnotation: sig.Certificate,
		signature.ChainAnnotation:       sig.Chain,
		signature.RekorBundleAnnotation: sig.RekorBundle,
		signature.TimestampAnnotation:   sig.Timestamp,
	} {
		if len(v) > 0 {
			ann[k] = string(v)
		}
	}
	img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1), mutate.Addendum{
		Layer:       static.NewLayer(sig.Payload, types.MediaType(signature.SimpleSigningMediaType)),
		Annotations: ann,
	})
	if err != nil {
		t.Fatal(err)
	}
	return img
}
