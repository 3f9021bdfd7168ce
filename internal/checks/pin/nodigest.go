package pin

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var noDigestInfo = check.Info{
	ID:       "pin/no-digest",
	Version:  1,
	Title:    "Image referenced without a digest",
	Severity: report.SeverityLow,
	Item:     report.ItemPin,
	Description: "The image was referenced by tag only. A tag can be moved to other content at any time, by its " +
		"publisher or by whoever takes over the repository, so what was inspected is not necessarily what the next " +
		"pull gets. The finding gives the reference pinned to the digest inspected (the index digest for a " +
		"multi-platform image). References that already carry a digest, and images read from files (docker-archive, " +
		"OCI layout), are not reported.",
	Remediation: "Reference the image as repository:tag@sha256:... (the tag stays for readers, the digest decides " +
		"what is pulled) and update the digest deliberately.",
	References: []string{"https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier"},
}

func noDigest() check.Constructor {
	return check.Image(noDigestInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if !applies(img) {
			return nil, nil
		}
		msg := fmt.Sprintf("%s is referenced by tag without a digest%s", named(img), usePinned(img))
		return []report.Finding{info.New(msg, evidence(img))}, nil
	})
}
