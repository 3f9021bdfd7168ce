package signed

import (
	"context"
	"errors"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature"
)

var signatureInfo = check.Info{
	ID:       "signed/signature",
	Version:  1,
	Title:    "Image signature",
	Severity: report.SeverityCritical,
	Item:     report.ItemSigned,
	Description: "Verifies the cosign signatures found for the image against the public key given with " +
		"--key: the signature must be the key's over the payload, and the payload must name the " +
		"image's manifest digest (or the index it was chosen from). A signature that does not verify " +
		"means the image or its signature was tampered with, or someone else signed it: Critical. A " +
		"verified signature is reported as Info; signatures found without --key are reported as not " +
		"verified.",
	Remediation: "Do not use an image whose signature does not verify; pull it again by digest from the " +
		"publisher and check that --key is the publisher's public key.",
	References: []string{"https://docs.sigstore.dev/cosign/verifying/verify/"},
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
	if err != nil || len(sigs) == 0 {
		return nil, err
	}
	key := c.env.SignatureKey
	if key == nil {
		bundles := 0
		for _, s := range sigs {
			if s.Bundle {
				bundles++
			}
		}
		f := signatureInfo.New(fmt.Sprintf("signed, not verified: no --key given (%d cosign signature(s) and %d "+
			"sigstore bundle(s) found)", len(sigs)-bundles, bundles), evidence(img, sigs[0].Origin))
		f.Severity = report.SeverityLow
		return []report.Finding{f}, nil
	}
	var out, failed []report.Finding
	for _, s := range sigs {
		p, err := key.Verify(s, img.Digest, img.IndexDigest)
		if err == nil {
			f := signatureInfo.New(fmt.Sprintf("signed, verified with key %s (signs %s as %s)",
				key.Fingerprint, p.Digest, redact.Text(p.Reference)), evidence(img, s.Origin))
			f.Severity = report.SeverityInfo
			out = append(out, f)
			continue
		}
		if s.Bundle {
			f := signatureInfo.New("signed with a sigstore bundle, not verified: keyless verification is not supported",
				evidence(img, s.Origin))
			f.Severity = report.SeverityLow
			failed = append(failed, f)
			continue
		}
		msg := "signature does not verify: " + redact.Text(err.Error())
		if errors.Is(err, signature.ErrDigestMismatch) {
			msg = "signature does not verify: it is the key's, but " + redact.Text(err.Error()) +
				", not " + img.Digest + sigIndex(img)
		}
		failed = append(failed, signatureInfo.New(msg, evidence(img, s.Origin)))
	}
	if len(out) > 0 {
		// One signature by the trusted key is enough; the others may be
		// by other signers and are not failures.
		return out, nil
	}
	return failed, nil
}
