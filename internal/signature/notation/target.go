package notation

import (
	"bytes"
	"encoding/json"
	"fmt"

	coresig "github.com/notaryproject/notation-core-go/signature"
	"github.com/opencontainers/go-digest"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"

	"github.com/customs-oss/customs/internal/signature"
)

// payloadType is the content type of the payload a notation signature
// signs: a JSON document naming the target artifact.
const payloadType = "application/vnd.cncf.notary.payload.v1+json"

// signedTarget reads the artifact an envelope claims to sign, before its
// signature is verified, to pick the target to verify it against. Nothing
// it returns is trusted until notation-go verified the envelope.
func signedTarget(mediaType string, envelope []byte) (ocispec.Descriptor, error) {
	switch mediaType {
	case signature.NotationJWSMediaType, signature.NotationCOSEMediaType:
	default:
		return ocispec.Descriptor{}, fmt.Errorf("notation envelope of unknown media type %q", mediaType)
	}
	if len(envelope) > signature.MaxEnvelopeSize {
		return ocispec.Descriptor{}, fmt.Errorf("signature envelope of %d bytes is over the %d byte limit", len(envelope), signature.MaxEnvelopeSize)
	}
	env, err := coresig.ParseEnvelope(mediaType, envelope)
	if err != nil {
		return ocispec.Descriptor{}, fmt.Errorf("parsing notation envelope: %w", err)
	}
	c, err := env.Content()
	if err != nil {
		return ocispec.Descriptor{}, fmt.Errorf("reading notation envelope: %w", err)
	}
	if c.Payload.ContentType != payloadType {
		return ocispec.Descriptor{}, fmt.Errorf("notation payload has content type %q, want %q", c.Payload.ContentType, payloadType)
	}
	var p struct {
		TargetArtifact ocispec.Descriptor `json:"targetArtifact"`
	}
	if err := json.NewDecoder(bytes.NewReader(c.Payload.Content)).Decode(&p); err != nil {
		return ocispec.Descriptor{}, fmt.Errorf("parsing notation payload: %w", err)
	}
	if err := p.TargetArtifact.Digest.Validate(); err != nil {
		return ocispec.Descriptor{}, fmt.Errorf("notation payload names a malformed digest: %w", err)
	}
	return p.TargetArtifact, nil
}

// descriptor is the OCI descriptor of a target, as notation signs it.
func descriptor(t signature.Target) ocispec.Descriptor {
	return ocispec.Descriptor{MediaType: t.MediaType, Digest: digest.Digest(t.Digest), Size: t.Size}
}
