package signature

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrDigestMismatch is returned by Verify when a genuine signature covers
// another image than the one inspected.
var ErrDigestMismatch = errors.New("the signature covers another image")

// Verify checks that sig is a signature by k over its payload and that the
// payload names one of digests: the image's manifest digest or the digest
// of the index it was chosen from. It returns the parsed payload.
func (k *Key) Verify(sig Signature, digests ...string) (Payload, error) {
	if sig.Bundle {
		return Payload{}, errors.New("a sigstore bundle needs keyless verification, not a key")
	}
	if len(sig.Base64) > MaxSignatureSize {
		return Payload{}, fmt.Errorf("signature of %d bytes is over the %d byte limit", len(sig.Base64), MaxSignatureSize)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(sig.Base64))
	if err != nil {
		return Payload{}, fmt.Errorf("decoding signature: %w", err)
	}
	if len(sig.Payload) > MaxPayloadSize {
		return Payload{}, fmt.Errorf("signature payload of %d bytes is over the %d byte limit", len(sig.Payload), MaxPayloadSize)
	}
	if err := k.verifier.VerifySignature(bytes.NewReader(raw), bytes.NewReader(sig.Payload)); err != nil {
		return Payload{}, fmt.Errorf("signature does not match key %s: %w", k.Fingerprint, err)
	}
	p, err := ParsePayload(sig.Payload)
	if err != nil {
		return Payload{}, err
	}
	if !slices.Contains(digests, p.Digest) {
		return p, fmt.Errorf("%w: it signs %s", ErrDigestMismatch, p.Digest)
	}
	return p, nil
}
