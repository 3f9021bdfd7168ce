package signed

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature"
)

var signatureInfo = check.Info{
	ID:       "signed/signature",
	Version:  2,
	Title:    "Image signature",
	Severity: report.SeverityCritical,
	Item:     report.ItemSigned,
	Description: "Verifies the signatures found for the image against the trust material given: a public key " +
		"(--key) for cosign key signatures; a certificate identity and OIDC issuer with a Sigstore trusted root " +
		"(--certificate-identity, --certificate-oidc-issuer, --trusted-root) for keyless cosign signatures and " +
		"sigstore bundles, checked offline against the bundled transparency-log entry; a notation trust policy " +
		"and trust store for Notary Project signatures. A signature must be valid and cover the image's " +
		"manifest digest (or the index it was chosen from). When trust material is given, an image with no " +
		"signature that verifies under it is Critical: it was tampered with, someone else signed it, or it " +
		"is not signed at all. A verified signature is reported as Info; signatures found without trust " +
		"material are reported as not verified (Low).",
	Remediation: "Do not use an image whose signature does not verify; pull it again by digest from the " +
		"publisher and check that the key, identity or trust policy is the publisher's.",
	References: []string{
		"https://docs.sigstore.dev/cosign/verifying/verify/",
		"https://notaryproject.dev/docs/user-guides/how-to/verify-image/",
	},
}

func verified() check.Constructor {
	return func() check.Check { return &signatureCheck{} }
}

type signatureCheck struct{ fetcher }

func (*signatureCheck) Info() check.Info { return signatureInfo }

func (c *signatureCheck) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	if c.state(img) != canFetch {
		return nil, nil
	}
	sigs, err := c.signatures(ctx, img)
	if err != nil {
		return nil, err
	}
	verifiers := c.env.Verifiers
	if len(verifiers) == 0 {
		if len(sigs) == 0 {
			return nil, nil
		}
		f := signatureInfo.New("signed, not verified: no trust material given (--key, --certificate-identity, "+
			"--notation-trust-policy); found "+formats(sigs), evidence(img, sigs[0].Origin))
		f.Severity = report.SeverityLow
		return []report.Finding{f}, nil
	}
	trust := describe(verifiers)
	if len(sigs) == 0 {
		return []report.Finding{signatureInfo.New("no signature to verify: "+trust+" was required, but the "+
			"registry has no signature for "+img.Digest+sigIndex(img), evidence(img, ""))}, nil
	}
	targets := Targets(img)
	var out, failed []report.Finding
	for _, s := range sigs {
		for _, v := range verifiers {
			ok, err := v.Verify(ctx, s, targets)
			switch {
			case errors.Is(err, signature.ErrNotApplicable):
				continue
			case err == nil && ok.Unverified:
				f := signatureInfo.New(fmt.Sprintf("signed, not verified: %s signature (%s)", s.Format, redact.Text(ok.Detail)), evidence(img, s.Origin))
				f.Severity = report.SeverityLow
				out = append(out, f)
			case err == nil:
				msg := fmt.Sprintf("signed, verified: %s signature by %s over %s", s.Format, redact.Text(ok.Signer), ok.Digest)
				if ok.Detail != "" {
					msg += " (" + redact.Text(ok.Detail) + ")"
				}
				f := signatureInfo.New(msg, evidence(img, s.Origin))
				f.Severity = report.SeverityInfo
				out = append(out, f)
			default:
				msg := fmt.Sprintf("%s signature does not verify with %s: %s", s.Format, v.Trust(), redact.Text(err.Error()))
				if errors.Is(err, signature.ErrDigestMismatch) {
					msg += ", not " + img.Digest + sigIndex(img)
				}
				failed = append(failed, signatureInfo.New(msg, evidence(img, s.Origin)))
			}
		}
	}
	switch {
	case len(out) > 0:
		// One signature that verifies is enough; the others may be by
		// other signers and are not failures.
		return out, nil
	case len(failed) > 0:
		return failed, nil
	}
	return []report.Finding{signatureInfo.New("no signature verifies: "+trust+" was required, but the image "+
		"only has signatures it does not cover: "+formats(sigs), evidence(img, sigs[0].Origin))}, nil
}

// Targets lists the manifests a signature of img may cover: the image's
// own and the index's it was chosen from.
func Targets(img *facts.Image) []signature.Target {
	var repo string
	if img.Ref.Registry != "" && img.Ref.Repository != "" {
		repo = img.Ref.Registry + "/" + img.Ref.Repository
	}
	out := []signature.Target{{Repository: repo, Digest: img.Digest, MediaType: img.MediaType, Size: img.ManifestSize}}
	if img.IndexDigest != "" {
		out = append(out, signature.Target{Repository: repo, Digest: img.IndexDigest, MediaType: img.IndexMediaType, Size: img.IndexSize})
	}
	return out
}

// describe names the trust material given, for a report.
func describe(vs []signature.Verifier) string {
	var names []string
	for _, v := range vs {
		names = append(names, v.Trust())
	}
	return strings.Join(names, " or ")
}

// formats counts the signatures found by format, for a report.
func formats(sigs []signature.Signature) string {
	n := map[signature.Format]int{}
	for _, s := range sigs {
		n[s.Format]++
	}
	var parts []string
	for f, k := range n {
		parts = append(parts, fmt.Sprintf("%d %s signature(s)", k, f))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
