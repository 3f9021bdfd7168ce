// Package notation verifies Notary Project signatures (JWS and COSE
// envelopes stored as OCI referrers) as `notation verify` does, with the
// notation-go library, a trust policy and an X.509 trust store. It works
// offline: certificate revocation (OCSP, CRL) is not checked, and signatures
// that need a verification plugin do not verify.
package notation

import (
	"context"
	"errors"
	"fmt"
	"strings"

	notationgo "github.com/notaryproject/notation-go"
	"github.com/notaryproject/notation-go/verifier"
	"github.com/notaryproject/notation-go/verifier/trustpolicy"

	"github.com/customs-oss/customs/internal/signature"
)

// Notation is a notation trust policy and trust store; it implements
// signature.Verifier for the image repository it is bound to with In.
type Notation struct {
	verifier notationgo.Verifier
	// policy is the trust policy as the user wrote it, for reports.
	policy     *trustpolicy.Document
	repository string
}

// New builds a verifier from a trust policy (see ReadPolicy) and the
// trust store directory holding x509/{ca,signingAuthority,tsa}/<name>/.
func New(policy *trustpolicy.Document, storeDir string) (*Notation, error) {
	store, err := openStore(storeDir)
	if err != nil {
		return nil, err
	}
	v, err := verifier.NewWithOptions(offline(policy), store, nil, verifier.VerifierOptions{
		RevocationCodeSigningValidator:  notChecked{},
		RevocationTimestampingValidator: notChecked{},
	})
	if err != nil {
		return nil, fmt.Errorf("notation trust policy: %w", err)
	}
	return &Notation{verifier: v, policy: policy}, nil
}

// In returns the verifier bound to the image repository
// ("registry.example.com/team/app", "docker.io/library/nginx") that trust
// policy registry scopes are matched against. Unbound, Verify takes the
// repository its targets name.
func (n *Notation) In(repository string) *Notation {
	c := *n
	c.repository = repository
	return &c
}

// Trust implements signature.Verifier.
func (n *Notation) Trust() string {
	var names []string
	for _, p := range n.policy.TrustPolicies {
		names = append(names, fmt.Sprintf("%q", p.Name))
	}
	return "notation trust policy " + strings.Join(names, ", ")
}

// Verify implements signature.Verifier for notation signatures: the
// envelope must verify under the trust policy statement whose registry
// scopes cover the image, and sign one of targets.
func (n *Notation) Verify(ctx context.Context, sig signature.Signature, targets []signature.Target) (signature.Verified, error) {
	if sig.Format != signature.FormatNotation {
		return signature.Verified{}, signature.ErrNotApplicable
	}
	repository := n.repository
	for _, t := range targets {
		if repository == "" {
			repository = t.Repository
		}
	}
	if repository == "" {
		return signature.Verified{}, errors.New("the image's repository is unknown, so no trust policy scope applies")
	}
	if len(sig.Envelope) > signature.MaxEnvelopeSize {
		return signature.Verified{}, fmt.Errorf("signature envelope of %d bytes is over the %d byte limit", len(sig.Envelope), signature.MaxEnvelopeSize)
	}
	claimed, err := signedTarget(sig.MediaType, sig.Envelope)
	if err != nil {
		return signature.Verified{}, err
	}
	desc, covered := claimed, false
	for _, t := range targets {
		if t.Digest == claimed.Digest.String() {
			desc, covered = descriptor(t), true
			break
		}
	}
	ref := repository + "@" + desc.Digest.String()
	policy, err := n.policy.GetApplicableTrustPolicy(ref)
	if err != nil {
		return signature.Verified{}, fmt.Errorf("no statement of the trust policy has a registry scope covering %s: add %q (or \"*\") to a statement's registryScopes", ref, repository)
	}
	level := policy.SignatureVerification.VerificationLevel
	outcome, err := n.verifier.Verify(ctx, desc, sig.Envelope, notationgo.VerifierVerifyOptions{
		ArtifactReference:  ref,
		SignatureMediaType: sig.MediaType,
	})
	if err != nil {
		return signature.Verified{}, fmt.Errorf("trust policy %q (level %s): %w", policy.Name, level, err)
	}
	v := signature.Verified{Digest: desc.Digest.String(), Signer: signer(outcome), Detail: detail(policy.Name, level, outcome),
		Unverified: level == trustpolicy.LevelSkip.Name}
	if !covered {
		return v, fmt.Errorf("it is by %s, but %w: it signs %s", v.Signer, signature.ErrDigestMismatch, desc.Digest)
	}
	return v, nil
}
