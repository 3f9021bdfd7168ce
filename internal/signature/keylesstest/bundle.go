package keylesstest

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
	protobundle "github.com/sigstore/protobuf-specs/gen/pb-go/bundle/v1"
	protocommon "github.com/sigstore/protobuf-specs/gen/pb-go/common/v1"
	protodsse "github.com/sigstore/protobuf-specs/gen/pb-go/dsse"
	protorekor "github.com/sigstore/protobuf-specs/gen/pb-go/rekor/v1"
	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/testing/ca"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/customs-oss/customs/internal/signature"
)

// Bundle signs digest ("sha256:<hex>") as cosign v3 `sign` does with the
// new bundle format: an in-toto statement naming the image as its subject,
// in a DSSE envelope, with a dsse log entry (inclusion proof and promise)
// and an RFC 3161 timestamp, as a sigstore bundle v0.3 in JSON.
func (s *Sigstore) Bundle(t testing.TB, identity, issuer, repo, digest string) []byte {
	t.Helper()
	return s.Attestation(t, identity, issuer, repo, digest, signature.SignPredicateType)
}

// Attestation is Bundle with a statement of another predicate type, as
// `cosign attest --new-bundle-format` stores beside signatures.
func (s *Sigstore) Attestation(t testing.TB, identity, issuer, repo, digest, predicateType string) []byte {
	t.Helper()
	alg, hex, _ := strings.Cut(digest, ":")
	statement, err := json.Marshal(map[string]any{
		"_type":         "https://in-toto.io/Statement/v1",
		"subject":       []any{map[string]any{"name": repo, "digest": map[string]string{alg: hex}}},
		"predicateType": predicateType,
		"predicate":     map[string]any{},
	})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.vs.AttestAtTime(identity, issuer, statement, time.Now().Add(time.Minute), true)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := e.SignatureContent()
	if err != nil {
		t.Fatal(err)
	}
	env := sc.EnvelopeContent().RawEnvelope()
	payload, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		t.Fatal(err)
	}
	pb := s.material(t, e, "dsse", "0.0.1")
	pb.MediaType = signature.BundleMediaType
	pb.Content = &protobundle.Bundle_DsseEnvelope{DsseEnvelope: &protodsse.Envelope{
		Payload:     payload,
		PayloadType: env.PayloadType,
		Signatures:  []*protodsse.Signature{{Sig: sc.Signature(), Keyid: env.Signatures[0].KeyID}},
	}}
	return marshal(t, pb)
}

// MessageBundle signs artifact as `cosign sign-blob --bundle` does: a
// signature over its SHA-256 digest, with a hashedrekord log entry (a
// promise, no proof) and an RFC 3161 timestamp, as a sigstore bundle v0.1.
func (s *Sigstore) MessageBundle(t testing.TB, identity, issuer string, artifact []byte) []byte {
	t.Helper()
	e, err := s.vs.Sign(identity, issuer, artifact)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := e.SignatureContent()
	if err != nil {
		t.Fatal(err)
	}
	m := sc.MessageSignatureContent()
	pb := s.material(t, e, "hashedrekord", "0.0.1")
	pb.MediaType = "application/vnd.dev.sigstore.bundle+json;version=0.1"
	pb.Content = &protobundle.Bundle_MessageSignature{MessageSignature: &protocommon.MessageSignature{
		MessageDigest: &protocommon.HashOutput{Algorithm: protocommon.HashAlgorithm_SHA2_256, Digest: m.Digest()},
		Signature:     m.Signature(),
	}}
	return marshal(t, pb)
}

// material is the verification material of e: its certificate, log entry
// and timestamp.
func (s *Sigstore) material(t testing.TB, e *ca.TestEntity, kind, version string) *protobundle.Bundle {
	t.Helper()
	vc, err := e.VerificationContent()
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
	return &protobundle.Bundle{VerificationMaterial: &protobundle.VerificationMaterial{
		Content: &protobundle.VerificationMaterial_Certificate{
			Certificate: &protocommon.X509Certificate{RawBytes: vc.(*bundle.Certificate).Certificate().Raw},
		},
		TlogEntries: []*protorekor.TransparencyLogEntry{s.withPromise(t, entries[0], kind, version)},
		TimestampVerificationData: &protobundle.TimestampVerificationData{
			Rfc3161Timestamps: []*protocommon.RFC3161SignedTimestamp{{SignedTimestamp: tss[0]}},
		},
	}}
}

func marshal(t testing.TB, pb *protobundle.Bundle) []byte {
	t.Helper()
	data, err := protojson.Marshal(pb)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Referrer is the artifact cosign pushes for a bundle: artifact type and
// one layer of the bundle media type, with subject as its OCI subject.
func Referrer(t testing.TB, bundleJSON []byte, subject v1.Descriptor) v1.Image {
	t.Helper()
	img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1),
		mutate.Addendum{Layer: static.NewLayer(bundleJSON, signature.BundleMediaType)})
	if err != nil {
		t.Fatal(err)
	}
	img = mutate.ConfigMediaType(img, signature.BundleMediaType)
	return mutate.Subject(img, subject).(v1.Image)
}
