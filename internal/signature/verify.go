package signature

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strings"
)

// Trust implements Verifier.
func (k *Key) Trust() string { return "key " + k.Fingerprint }

// Verify implements Verifier for cosign simple signing signatures: sig must
// be a signature by k over its payload, and the payload must name one of
// targets.
func (k *Key) Verify(_ context.Context, sig Signature, targets []Target) (Verified, error) {
	if sig.Format != FormatSimpleSigning {
		return Verified{}, ErrNotApplicable
	}
	if len(sig.Base64) > MaxSignatureSize {
		return Verified{}, fmt.Errorf("signature of %d bytes is over the %d byte limit", len(sig.Base64), MaxSignatureSize)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(sig.Base64))
	if err != nil {
		return Verified{}, fmt.Errorf("decoding signature: %w", err)
	}
	if len(sig.Payload) > MaxPayloadSize {
		return Verified{}, fmt.Errorf("signature payload of %d bytes is over the %d byte limit", len(sig.Payload), MaxPayloadSize)
	}
	if err := k.verifier.VerifySignature(bytes.NewReader(raw), bytes.NewReader(sig.Payload)); err != nil {
		return Verified{}, fmt.Errorf("signature does not match key %s: %w", k.Fingerprint, err)
	}
	return checkPayload(sig.Payload, targets, "key "+k.Fingerprint)
}

// checkPayload parses a simple signing payload whose signature verified and
// checks that it names one of targets.
func checkPayload(data []byte, targets []Target, signer string) (Verified, error) {
	p, err := ParsePayload(data)
	if err != nil {
		return Verified{}, err
	}
	v := Verified{Digest: p.Digest, Signer: signer}
	if p.Reference != "" {
		v.Detail = "signed as " + p.Reference
	}
	for _, t := range targets {
		if t.Digest == p.Digest {
			return v, nil
		}
	}
	return v, fmt.Errorf("it is by %s, but %w: it signs %s", signer, ErrDigestMismatch, p.Digest)
}
