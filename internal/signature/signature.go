// Package signature reads and verifies image signatures: cosign's simple
// signing payloads (signed with a key, or keyless with a certificate),
// sigstore bundles and Notary Project (notation) signature envelopes. Each
// kind of trust material the user supplies is a Verifier; none makes a
// network call. Package fetch finds the signatures in a registry.
package signature

import (
	"context"
	"errors"
)

// Media types and annotations cosign and notation use for the signatures
// they store in registries.
const (
	// SimpleSigningMediaType is the media type of a layer of a cosign
	// signature image: the payload that was signed.
	SimpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json"
	// SignatureAnnotation holds the base64 signature of a layer's payload.
	SignatureAnnotation = "dev.cosignproject.cosign/signature"
	// CertificateAnnotation and ChainAnnotation hold the PEM signing
	// certificate of a keyless cosign signature and its chain.
	CertificateAnnotation = "dev.sigstore.cosign/certificate"
	ChainAnnotation       = "dev.sigstore.cosign/chain"
	// RekorBundleAnnotation holds the transparency-log entry of a cosign
	// signature: the signed entry timestamp and the entry it covers.
	RekorBundleAnnotation = "dev.sigstore.cosign/bundle"
	// TimestampAnnotation holds an RFC 3161 timestamp over the signature.
	TimestampAnnotation = "dev.sigstore.cosign/rfc3161timestamp"
	// CosignArtifactType is the artifact type of a cosign signature listed
	// by the OCI referrers API.
	CosignArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json"
	// BundleMediaType is the artifact type of a sigstore bundle (cosign's
	// new bundle format) listed by the OCI referrers API, and the media
	// type of the layer holding it.
	BundleMediaType = "application/vnd.dev.sigstore.bundle.v0.3+json"
	// NotationArtifactType is the artifact type of a Notary Project
	// signature listed by the OCI referrers API.
	NotationArtifactType = "application/vnd.cncf.notary.signature"
	// NotationJWSMediaType and NotationCOSEMediaType are the media types of
	// the envelope layer of a notation signature.
	NotationJWSMediaType  = "application/jose+json"
	NotationCOSEMediaType = "application/cose"
)

// Limits on what a signature may weigh: a payload is a small JSON document,
// a signature a few hundred bytes, an envelope or bundle a certificate chain
// and a log entry or timestamp.
const (
	MaxPayloadSize   = 64 << 10
	MaxSignatureSize = 16 << 10
	MaxEnvelopeSize  = 1 << 20
)

// Format is the kind of a signature, which decides the trust material that
// can verify it.
type Format string

// The signature formats customs reads.
const (
	// FormatSimpleSigning is a cosign signature image layer: a simple
	// signing payload and its signature, with a certificate when it was
	// signed keylessly.
	FormatSimpleSigning Format = "cosign"
	// FormatBundle is a sigstore bundle stored as an OCI referrer.
	FormatBundle Format = "sigstore bundle"
	// FormatNotation is a Notary Project signature envelope (JWS or COSE)
	// stored as an OCI referrer.
	FormatNotation Format = "notation"
)

// Signature is one signature found for an image.
type Signature struct {
	// Format says which of the fields below are set.
	Format Format
	// Origin says where the signature was found: the tag or the referrer
	// digest it was read from.
	Origin string

	// Payload is the signed simple signing document, as stored.
	Payload []byte
	// Base64 is the signature over Payload, base64 encoded as cosign
	// stores it.
	Base64 string
	// Certificate and Chain are the PEM signing certificate and its chain
	// of a keyless cosign signature; empty for a key signature.
	Certificate, Chain []byte
	// RekorBundle is the transparency-log entry cosign attached, as JSON;
	// Timestamp an RFC 3161 timestamp response. Either may be empty.
	RekorBundle, Timestamp []byte

	// Envelope is a sigstore bundle or a notation envelope, as stored, and
	// MediaType the media type of the layer it was read from.
	Envelope  []byte
	MediaType string
}

// Target is a manifest a signature may cover: the inspected image's, or
// the index it was chosen from.
type Target struct {
	// Repository is the registry and repository the image was read from
	// ("registry.example.com/team/app", "docker.io/library/nginx"), which
	// notation trust policies scope by.
	Repository string
	Digest     string
	MediaType  string
	Size       int64
}

// Verified is what a signature that verified vouches for.
type Verified struct {
	// Digest is the manifest digest the signature covers.
	Digest string
	// Signer names who signed: a key fingerprint, a certificate identity
	// and issuer, or a certificate subject.
	Signer string
	// Detail adds what else the signature says, such as the reference it
	// was signed under; may be empty.
	Detail string
	// Unverified is set when the trust material itself waives verification
	// (a notation trust policy at level skip): the signature is accepted
	// without being checked, and reported as not verified.
	Unverified bool
}

// ErrNotApplicable is returned by a Verifier for a signature of a format it
// does not verify, so that the caller tries its other verifiers.
var ErrNotApplicable = errors.New("signature format not covered by this trust material")

// ErrDigestMismatch is returned when a genuine signature covers another
// image than the one inspected.
var ErrDigestMismatch = errors.New("the signature covers another image")

// Verifier is trust material the user supplied: a public key, a keyless
// identity with a trusted root, or a notation trust policy and store.
type Verifier interface {
	// Trust describes the material in a report, such as "key SHA256:…".
	Trust() string
	// Verify checks that sig is valid under the material and covers one
	// of targets. It returns ErrNotApplicable for formats it does not
	// verify.
	Verify(ctx context.Context, sig Signature, targets []Target) (Verified, error)
}
