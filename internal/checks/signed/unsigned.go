package signed

import (
	"context"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var unsignedInfo = check.Info{
	ID:       "signed/unsigned",
	Version:  1,
	Title:    "Image is not signed",
	Severity: report.SeverityHigh,
	Item:     report.ItemSigned,
	Description: "Looks for cosign signatures of the image in its registry: the signature image at the " +
		"sha256-<hex>.sig tag of the image's repository (for the image's digest and for the digest of " +
		"the index it was chosen from) and signatures listed by the OCI referrers API. An image nobody " +
		"signed cannot be tied to its publisher. Images read from archives, layouts or the engine " +
		"carry no registry signatures, and offline nothing is looked up: the report says so.",
	Remediation: "Ask the publisher to sign the image (cosign sign --key ... IMAGE@DIGEST) and verify it " +
		"with customs inspect --key, or prefer an image whose publisher signs it.",
	References: []string{"https://docs.sigstore.dev/cosign/signing/signing_with_containers/"},
}

func unsigned() check.Constructor {
	return func() check.Check { return &unsignedCheck{} }
}

type unsignedCheck struct{ fetcher }

func (*unsignedCheck) Info() check.Info { return unsignedInfo }

func (c *unsignedCheck) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	info := func(msg string) []report.Finding {
		f := unsignedInfo.New(msg, evidence(img, ""))
		f.Severity = report.SeverityInfo
		return []report.Finding{f}
	}
	switch c.state(img) {
	case noRegistry:
		return info("signatures not checked: the source has no registry (" + img.Ref.Source + ")"), nil
	case offline:
		return info("not checked: offline; the registry was not asked for signatures"), nil
	}
	sigs, err := c.signatures(ctx, img)
	if err != nil {
		return nil, err
	}
	if len(sigs) > 0 {
		return nil, nil
	}
	return []report.Finding{unsignedInfo.New("no signature found: the registry has no cosign signature "+
		"for "+img.Digest+sigIndex(img)+" and lists no signature referrer", evidence(img, ""))}, nil
}

// sigIndex names the index digest too when the image was chosen from one.
func sigIndex(img *facts.Image) string {
	if img.IndexDigest == "" {
		return ""
	}
	return " or its index " + img.IndexDigest
}
