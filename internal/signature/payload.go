package signature

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sigstore/sigstore/pkg/signature/payload"
)

// Payload is what a cosign simple signing payload claims: the image it
// signs, by digest, and the reference it was signed under.
type Payload struct {
	// Digest is the docker-manifest-digest the signature covers.
	Digest string
	// Reference is the docker-reference the signer named; informational.
	Reference string
}

// ParsePayload reads a cosign simple signing payload. It rejects payloads
// over MaxPayloadSize, of another type or with a malformed digest.
func ParsePayload(data []byte) (Payload, error) {
	if len(data) > MaxPayloadSize {
		return Payload{}, fmt.Errorf("signature payload of %d bytes is over the %d byte limit", len(data), MaxPayloadSize)
	}
	var p payload.SimpleContainerImage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return Payload{}, fmt.Errorf("parsing signature payload: %w", err)
	}
	if p.Critical.Type != payload.CosignSignatureType {
		return Payload{}, fmt.Errorf("signature payload has type %q, want %q", p.Critical.Type, payload.CosignSignatureType)
	}
	d := p.Critical.Image.DockerManifestDigest
	if err := validDigest(d); err != nil {
		return Payload{}, fmt.Errorf("signature payload: %w", err)
	}
	return Payload{Digest: d, Reference: p.Critical.Identity.DockerReference}, nil
}

// validDigest accepts sha256 and sha512 digests in lowercase hex.
func validDigest(d string) error {
	alg, hex, ok := strings.Cut(d, ":")
	want := map[string]int{"sha256": 64, "sha512": 128}[alg]
	if !ok || want == 0 || len(hex) != want {
		return fmt.Errorf("malformed docker-manifest-digest %q", d)
	}
	for _, c := range hex {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return errors.New("docker-manifest-digest is not lowercase hex")
		}
	}
	return nil
}
