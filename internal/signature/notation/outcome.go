package notation

import (
	"fmt"
	"strings"

	notationgo "github.com/notaryproject/notation-go"
	"github.com/notaryproject/notation-go/verifier/trustpolicy"
)

// signer names the signing certificate of a verified signature by its
// subject; a skipped verification has none.
func signer(o *notationgo.VerificationOutcome) string {
	if o == nil || o.EnvelopeContent == nil || len(o.EnvelopeContent.SignerInfo.CertificateChain) == 0 {
		return "an unverified signer"
	}
	return o.EnvelopeContent.SignerInfo.CertificateChain[0].Subject.String()
}

// detail says which trust policy statement applied, at which level, and
// what the level let pass: checks it only logs, and revocation, which is
// never checked offline.
func detail(policy, level string, o *notationgo.VerificationOutcome) string {
	if level == trustpolicy.LevelSkip.Name {
		return fmt.Sprintf("trust policy %q has verification level skip: the signature was not verified", policy)
	}
	parts := []string{fmt.Sprintf("trust policy %q, level %s", policy, level)}
	if o != nil {
		for _, r := range o.VerificationResults {
			if r != nil && r.Error != nil && r.Action == trustpolicy.ActionLog {
				parts = append(parts, fmt.Sprintf("%s not enforced: %v", r.Type, r.Error))
			}
		}
	}
	parts = append(parts, "revocation not checked")
	return strings.Join(parts, "; ")
}
