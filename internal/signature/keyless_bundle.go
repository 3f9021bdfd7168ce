package signature

import (
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/sigstore/sigstore-go/pkg/bundle"
	"github.com/sigstore/sigstore-go/pkg/verify"
)

// ParseBundle reads a sigstore bundle, bounded by MaxBundleSize; the
// library checks its shape (a certificate or key, a signature or DSSE
// envelope, log entries with the proofs its version requires).
func ParseBundle(data []byte) (*bundle.Bundle, error) {
	if len(data) > MaxBundleSize {
		return nil, fmt.Errorf("sigstore bundle of %d bytes is over the %d byte limit", len(data), MaxBundleSize)
	}
	var b bundle.Bundle
	if err := b.UnmarshalJSON(data); err != nil {
		return nil, fmt.Errorf("parsing sigstore bundle: %w", err)
	}
	return &b, nil
}

// verifySignatureBundle checks a sigstore bundle stored as an image
// signature: cosign's signature statement (or a plain message signature),
// never an attestation, verified as VerifyBundle does.
func (k *Keyless) verifySignatureBundle(data []byte, targets []Target) (Verified, error) {
	b, err := ParseBundle(data)
	if err != nil {
		return Verified{}, err
	}
	if err := isSignature(b); err != nil {
		return Verified{}, err
	}
	return k.verifyBundle(b, targets)
}

// VerifyBundle checks a sigstore bundle of any statement: its certificate
// chains to the trusted root and names the expected identity, its log
// entry and timestamps are valid, and it signs one of targets (the message
// digest of a signature, or a subject of an in-toto statement in a DSSE
// envelope).
func (k *Keyless) VerifyBundle(data []byte, targets []Target) (Verified, error) {
	b, err := ParseBundle(data)
	if err != nil {
		return Verified{}, err
	}
	return k.verifyBundle(b, targets)
}

func (k *Keyless) verifyBundle(b *bundle.Bundle, targets []Target) (Verified, error) {
	// Everything but the artifact first (a message signature against the
	// digest it claims), so that a genuine bundle over another image is
	// told apart from one that does not verify at all.
	own, err := ownArtifact(b)
	if err != nil {
		return Verified{}, err
	}
	res, err := k.verifier.Verify(b, verify.NewPolicy(own, verify.WithCertificateIdentity(k.identity)))
	if err != nil {
		return Verified{}, fmt.Errorf("sigstore bundle: %w", err)
	}
	who, detail := signer(res)
	for _, t := range targets {
		if validDigest(t.Digest) != nil {
			continue
		}
		alg, hexDigest, _ := strings.Cut(t.Digest, ":")
		raw, err := hex.DecodeString(hexDigest)
		if err != nil {
			continue
		}
		policy := verify.NewPolicy(verify.WithArtifactDigest(alg, raw), verify.WithCertificateIdentity(k.identity))
		if _, err := k.verifier.Verify(b, policy); err == nil {
			return Verified{Digest: t.Digest, Signer: who, Detail: detail}, nil
		}
	}
	return Verified{Signer: who}, fmt.Errorf("it is by %s, but %w: it signs %s", who, ErrDigestMismatch, signedDigests(b))
}

// SignPredicateType is the predicate type of the in-toto statement cosign
// signs an image with in a sigstore bundle; bundles of other predicate
// types stored beside it are attestations (provenance, SBOMs), not
// signatures.
const SignPredicateType = "https://sigstore.dev/cosign/sign/v1"

// isSignature rejects, as not applicable, a DSSE bundle whose statement is
// an attestation rather than cosign's signature statement, as cosign
// verify does.
func isSignature(b *bundle.Bundle) error {
	content, err := b.SignatureContent()
	if err != nil {
		return fmt.Errorf("sigstore bundle: %w", err)
	}
	env := content.EnvelopeContent()
	if env == nil {
		return nil
	}
	st, err := env.Statement()
	if err != nil {
		return fmt.Errorf("sigstore bundle statement: %w", err)
	}
	if pt := st.GetPredicateType(); pt != SignPredicateType {
		return fmt.Errorf("%w: the bundle is an attestation of type %q, not a signature", ErrNotApplicable, pt)
	}
	return nil
}

// ownArtifact is the artifact policy a bundle meets by itself: its own
// digest for a message signature, none for a DSSE envelope (whose
// signature covers the statement, checked against targets after).
func ownArtifact(b *bundle.Bundle) (verify.ArtifactPolicyOption, error) {
	content, err := b.SignatureContent()
	if err != nil {
		return nil, fmt.Errorf("sigstore bundle: %w", err)
	}
	m := content.MessageSignatureContent()
	if m == nil {
		return verify.WithoutArtifactUnsafe(), nil
	}
	alg := digestAlgorithm(m.DigestAlgorithm())
	if alg == "" {
		return nil, fmt.Errorf("sigstore bundle: message digest algorithm %q is not supported", m.DigestAlgorithm())
	}
	return verify.WithArtifactDigest(alg, m.Digest()), nil
}

// digestAlgorithm maps a bundle's digest algorithm name to the image
// digest algorithm; "" for one it does not name.
func digestAlgorithm(name string) string {
	switch name {
	case "SHA2_256":
		return "sha256"
	case "SHA2_384":
		return "sha384"
	case "SHA2_512":
		return "sha512"
	}
	return ""
}

// signedDigests lists what a bundle signs, for an error message.
func signedDigests(b *bundle.Bundle) string {
	content, err := b.SignatureContent()
	if err != nil {
		return "nothing readable"
	}
	if m := content.MessageSignatureContent(); m != nil {
		return digestAlgorithm(m.DigestAlgorithm()) + ":" + hex.EncodeToString(m.Digest())
	}
	env := content.EnvelopeContent()
	if env == nil {
		return "nothing readable"
	}
	st, err := env.Statement()
	if err != nil {
		return "nothing readable"
	}
	var out []string
	for _, s := range st.GetSubject() {
		for alg, d := range s.GetDigest() {
			out = append(out, alg+":"+d)
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		return "no subject"
	}
	return strings.Join(out, ", ")
}
