package notation

import (
	"context"

	"github.com/notaryproject/notation-core-go/revocation"
	"github.com/notaryproject/notation-core-go/revocation/result"
	"github.com/notaryproject/notation-go/verifier/trustpolicy"
)

// offline returns a copy of policy that skips revocation checks, which
// need OCSP and CRL servers: customs verifies without the network.
// Statements at level skip are left alone, as overriding them is invalid.
func offline(policy *trustpolicy.Document) *trustpolicy.Document {
	out := &trustpolicy.Document{Version: policy.Version}
	for _, p := range policy.TrustPolicies {
		sv := p.SignatureVerification
		if sv.VerificationLevel != trustpolicy.LevelSkip.Name {
			override := map[trustpolicy.ValidationType]trustpolicy.ValidationAction{}
			for k, v := range sv.Override {
				override[k] = v
			}
			override[trustpolicy.TypeRevocation] = trustpolicy.ActionSkip
			sv.Override = override
		}
		p.SignatureVerification = sv
		out.TrustPolicies = append(out.TrustPolicies, p)
	}
	return out
}

// notChecked is the revocation validator notation-go is given instead of
// its network one. Revocation of signing certificates is skipped by the
// policy (see offline); for the timestamping chain, which notation-go
// checks regardless, every certificate is reported as one that cannot be
// checked, which notation accepts.
type notChecked struct{}

// ValidateContext implements revocation.Validator.
func (notChecked) ValidateContext(_ context.Context, opts revocation.ValidateContextOptions) ([]*result.CertRevocationResult, error) {
	out := make([]*result.CertRevocationResult, len(opts.CertChain))
	for i := range out {
		out[i] = &result.CertRevocationResult{Result: result.ResultNonRevokable}
	}
	return out, nil
}
