// Package signature reads and verifies cosign image signatures: the simple
// signing payload that names an image by digest and the signature over it,
// checked against a public key the user trusts. It makes no network call;
// package fetch finds the signatures in a registry.
package signature

// Media types and annotations cosign uses for the signatures it stores in
// registries.
const (
	// SimpleSigningMediaType is the media type of a layer of a cosign
	// signature image: the payload that was signed.
	SimpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json"
	// SignatureAnnotation holds the base64 signature of a layer's payload.
	SignatureAnnotation = "dev.cosignproject.cosign/signature"
	// CosignArtifactType is the artifact type of a cosign signature listed
	// by the OCI referrers API.
	CosignArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json"
	// BundleMediaType is the artifact type of a sigstore bundle (keyless
	// signatures) listed by the OCI referrers API.
	BundleMediaType = "application/vnd.dev.sigstore.bundle.v0.3+json"
)

// Limits on what a signature may weigh: a payload is a small JSON document
// and a signature a few hundred bytes.
const (
	MaxPayloadSize   = 64 << 10
	MaxSignatureSize = 16 << 10
)

// Signature is one signed payload found for an image.
type Signature struct {
	// Payload is the signed document, as stored.
	Payload []byte
	// Base64 is the signature over Payload, base64 encoded as cosign
	// stores it; empty for a bundle.
	Base64 string
	// Origin says where the signature was found: the tag or the referrer
	// digest it was read from.
	Origin string
	// Bundle is true for a sigstore bundle, which key-based verification
	// does not cover.
	Bundle bool
}
