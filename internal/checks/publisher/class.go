package publisher

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/hub"
	"github.com/customs-oss/customs/internal/report"
)

var classInfo = check.Info{
	ID:       "publisher/class",
	Version:  3,
	Title:    "Who publishes the image",
	Severity: report.SeverityMedium,
	Item:     report.ItemPublisher,
	Description: "For a Docker Hub name, asks Docker Hub who owns the repository: a Docker Official Image (library/), " +
		"a Verified Publisher or Docker-Sponsored Open Source organisation (informational; a badge Docker Hub's search " +
		"shows on the repository counts when the account shows none), an organisation without a badge (low) or an " +
		"individual account (high, so the default policy asks for review), with the account's and repository's ages, pulls and stars. A Docker Hub name " +
		"that Docker Hub does not show is medium: the repository was deleted or is private. For quay.io, asks quay.io " +
		"whether an organisation (low) or a user (high) owns the repository and whether it mirrors another registry. " +
		"For ghcr.io, asks GitHub whether the owner is an organisation (low) or a user (high) and how old the account " +
		"is; an account under 30 days old, or an image whose org.opencontainers.image.source names another GitHub " +
		"account, is medium. Other registries have no publisher API; the report names the operator of well-known " +
		"ones (mcr.microsoft.com, registry.k8s.io, Red Hat's, gcr.io, Artifact Registry, ECR Public) and quotes the " +
		"image's own OCI annotations (vendor, authors, source, url).",
	Remediation: "Prefer Docker Official Images and images of Verified Publishers. For an image published by an " +
		"individual or an unverified organisation, find out who they are, read the Dockerfile and the source it " +
		"claims, or rebuild the image yourself from that source.",
	References: []string{
		"https://docs.docker.com/docker-hub/repos/manage/trusted-content/",
		"https://docs.docker.com/reference/api/hub/latest/",
		"https://docs.quay.io/api/",
		"https://docs.github.com/en/rest/users/users#get-a-user",
	},
}

func class() check.Constructor {
	return func() check.Check { return &classCheck{} }
}

type classCheck struct{ networked }

func (*classCheck) Info() check.Info { return classInfo }

func (c *classCheck) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	var out []report.Finding
	for _, t := range targets(img.Ref) {
		service := asked(t)
		if service == "" {
			out = append(out, notHub(t, img))
			continue
		}
		if c.offline() {
			continue // publisher/offline says what was not asked
		}
		var f report.Finding
		var err error
		switch {
		case t.hub():
			f, err = c.judge(ctx, t, img.Now)
		case t.registry == quayHost:
			f, err = c.judgeQuay(ctx, t, img)
		default:
			f, err = c.judgeGHCR(ctx, t, img)
		}
		if err != nil {
			return out, fmt.Errorf("asking %s about %s: %w", service, t.display(), err)
		}
		out = append(out, f)
	}
	return out, nil
}

// judge classifies the publisher of a Docker Hub repository.
func (c *classCheck) judge(ctx context.Context, t target, now time.Time) (report.Finding, error) {
	repo, err := c.client().Repository(ctx, t.ns, t.repo)
	if errors.Is(err, hub.ErrNotFound) {
		return classInfo.New(fmt.Sprintf("%s is not shown by Docker Hub: the repository was deleted or is private, "+
			"so nobody can see who publishes it", t.display()), t.evidence()), nil
	}
	if err != nil {
		return report.Finding{}, err
	}
	if t.ns == "library" {
		f := classInfo.New(fmt.Sprintf("%s is a Docker Official Image; %s", t.display(), summary(repo, now)), t.evidence())
		f.Severity = report.SeverityInfo
		return f, nil
	}
	acct, err := c.client().Namespace(ctx, t.ns)
	if errors.Is(err, hub.ErrNotFound) {
		return classInfo.New(fmt.Sprintf("%s: Docker Hub does not describe the account %s; %s",
			t.display(), t.ns, summary(repo, now)), t.evidence()), nil
	}
	if err != nil {
		return report.Finding{}, err
	}
	note := ""
	if acct.Badge == "" {
		// The account endpoint does not always carry a badge that Docker
		// Hub's search shows on the repository.
		badge, err := c.client().Badge(ctx, t.ns, t.repo)
		switch {
		case err != nil:
			note = "; Docker Hub's search did not answer, so a badge shown only there was not looked for"
		case badge == hub.BadgeVerifiedPublisher || badge == hub.BadgeOpenSource:
			acct.Badge = badge
			note = "; badge shown by Docker Hub's search"
		}
	}
	who, sev := classify(acct)
	msg := fmt.Sprintf("%s is published by %s (%s%s, joined %s); %s%s",
		t.display(), who, t.ns, owner(acct), age(acct.Joined, now), summary(repo, now), note)
	if sev >= report.SeverityMedium {
		msg += "; review who publishes it"
	}
	f := classInfo.New(msg, t.evidence())
	f.Severity = sev
	return f, nil
}

// classify names the kind of publisher and the severity it deserves.
func classify(n hub.Namespace) (string, report.Severity) {
	switch {
	case n.Badge == hub.BadgeVerifiedPublisher:
		return "a Docker Verified Publisher", report.SeverityInfo
	case n.Badge == hub.BadgeOpenSource:
		return "a Docker-Sponsored Open Source project", report.SeverityInfo
	case n.Type == hub.TypeOrganization:
		return "an organisation without a Docker badge", report.SeverityLow
	case n.Type == hub.TypeUser:
		return "an individual account", report.SeverityHigh
	default:
		return "an account of unknown kind", report.SeverityMedium
	}
}

// owner adds the names an account gives for itself, redacted and quoted.
func owner(n hub.Namespace) string {
	s := ""
	if q := quote(n.FullName); q != "" {
		s += ", " + q
	}
	if q := quote(n.Company); q != "" {
		s += ", company " + q
	}
	return s
}
