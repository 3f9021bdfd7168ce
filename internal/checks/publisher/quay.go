package publisher

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/quay"
	"github.com/customs-oss/customs/internal/report"
)

// quayHost is the registry whose publishers quay.io's API describes.
const quayHost = "quay.io"

// judgeQuay classifies the publisher of a quay.io repository. quay.io
// gives no badges and no ages: an organisation is low, a user medium.
func (c *classCheck) judgeQuay(ctx context.Context, t target, img *facts.Image) (report.Finding, error) {
	ns, name, ok := strings.Cut(t.repo, "/")
	if !ok || strings.Contains(name, "/") {
		return notHub(t, img), nil
	}
	display := quayHost + "/" + t.repo
	repo, err := c.quay().Repository(ctx, ns, name)
	if errors.Is(err, quay.ErrNotFound) {
		return classInfo.New(fmt.Sprintf("%s is not shown by quay.io: the repository was deleted or is private, "+
			"so nobody can see who publishes it", display), t.evidence()), nil
	}
	if err != nil {
		return report.Finding{}, err
	}
	who, sev := "a quay.io organisation", report.SeverityLow
	if !repo.Organization {
		who, sev = "an individual quay.io account", report.SeverityHigh
	}
	msg := fmt.Sprintf("%s is published by %s (%s; quay.io verifies neither)", display, who, ns)
	switch repo.State {
	case quay.StateMirror:
		msg += "; the repository mirrors another registry, so its content is whatever that one publishes"
	case quay.StateReadOnly:
		msg += "; the repository is read-only"
	}
	if d := quote(repo.Description); d != "" {
		msg += "; description " + d
	}
	if s := selfDescription(img); s != "" {
		msg += "; " + s
	}
	if sev >= report.SeverityMedium {
		msg += "; review who publishes it"
	}
	f := classInfo.New(msg, t.evidence())
	f.Severity = sev
	return f, nil
}
