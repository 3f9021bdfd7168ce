package publisher

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var offlineInfo = check.Info{
	ID:       "publisher/offline",
	Version:  2,
	Title:    "Publisher and popularity not checked",
	Severity: report.SeverityInfo,
	Item:     report.ItemPublisher,
	Description: "When customs runs offline (--offline or CUSTOMS_OFFLINE=1) or without network access, " +
		"says which Docker Hub, quay.io and ghcr.io names were not looked up, so that a report never passes over a question " +
		"it did not ask.",
	Remediation: "Run customs with network access to Docker Hub, quay.io and GitHub to learn who publishes the image and how " +
		"widely it is used.",
}

func offline() check.Constructor {
	return func() check.Check { return &offlineCheck{} }
}

type offlineCheck struct{ networked }

func (*offlineCheck) Info() check.Info { return offlineInfo }

func (c *offlineCheck) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	if !c.offline() {
		return nil, nil
	}
	var out []report.Finding
	for _, t := range targets(img.Ref) {
		var msg string
		switch service := asked(t); {
		case t.hub():
			msg = fmt.Sprintf("not checked: offline; Docker Hub was not asked who publishes %s (%s) or how "+
				"widely it is used (%s)", t.display(), classInfo.ID, popularityInfo.ID)
		case service != "":
			msg = fmt.Sprintf("not checked: offline; %s was not asked who publishes %s/%s (%s)",
				service, t.registry, t.repo, classInfo.ID)
		default:
			continue
		}
		out = append(out, offlineInfo.New(msg, t.evidence()))
	}
	return out, nil
}
