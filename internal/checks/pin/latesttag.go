package pin

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var latestTagInfo = check.Info{
	ID:       "pin/latest-tag",
	Version:  1,
	Title:    "Image referenced by the latest tag",
	Severity: report.SeverityMedium,
	Item:     report.ItemPin,
	Description: "The reference uses the tag latest, written out or assumed because no tag was given. latest is " +
		"whatever was pushed last: it says nothing about the version, changes without notice and differs between " +
		"machines that pulled at different times. References that carry a digest are not reported.",
	Remediation: "Use a tag that names a version (nginx:1.27.3) and pin it by digest.",
	References:  []string{"https://docs.docker.com/build/building/best-practices/#from"},
}

func latestTag() check.Constructor {
	return check.Image(latestTagInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if !applies(img) {
			return nil, nil
		}
		var msg string
		switch {
		case img.Ref.ImplicitTag:
			msg = fmt.Sprintf("%q names no tag, so latest was used%s", img.Ref.Input, usePinned(img))
		case img.Ref.Tag == "latest":
			msg = fmt.Sprintf("%s uses the latest tag%s", named(img), usePinned(img))
		default:
			return nil, nil
		}
		return []report.Finding{info.New(msg, evidence(img))}, nil
	})
}
