package publisher

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/github"
	"github.com/customs-oss/customs/internal/report"
)

// ghcrHost is the registry whose owners are GitHub accounts.
const ghcrHost = "ghcr.io"

// newAccountDays is the age below which a GitHub account is new.
const newAccountDays = DefaultMinAgeDays

// judgeGHCR classifies the owner of a ghcr.io image, a GitHub account, and
// compares it with the source repository the image claims.
func (c *classCheck) judgeGHCR(ctx context.Context, t target, img *facts.Image) (report.Finding, error) {
	owner, _, _ := strings.Cut(t.repo, "/")
	display := ghcrHost + "/" + t.repo
	acct, err := c.github().Account(ctx, owner)
	if errors.Is(err, github.ErrNotFound) {
		return classInfo.New(fmt.Sprintf("%s: GitHub has no account %s, which should own it; "+
			"the account was renamed or deleted", display, owner), t.evidence()), nil
	}
	if err != nil {
		return report.Finding{}, err
	}
	who, sev := "an individual GitHub account", report.SeverityHigh
	if acct.Type == github.TypeOrganization {
		who, sev = "a GitHub organisation", report.SeverityLow
	}
	msg := fmt.Sprintf("%s is published by %s (%s%s, created %s, %d public repositories, %d followers)",
		display, who, acct.Login, githubOwner(acct), age(acct.Created, img.Now), acct.PublicRepos, acct.Followers)
	if !acct.Created.IsZero() && days(acct.Created, img.Now) < newAccountDays {
		msg += fmt.Sprintf("; the account is under %d days old", newAccountDays)
		sev = max(sev, report.SeverityMedium)
	}
	if other := sourceOwner(annotation(img, "org.opencontainers.image.source")); other != "" && !strings.EqualFold(other, owner) {
		msg += fmt.Sprintf("; the image says its source is a repository of another GitHub account, %s", quote(other))
		sev = max(sev, report.SeverityMedium)
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

// githubOwner adds the names a GitHub account gives for itself.
func githubOwner(a github.Account) string {
	s := ""
	if q := quote(a.Name); q != "" {
		s += ", " + q
	}
	if q := quote(a.Company); q != "" {
		s += ", company " + q
	}
	return s
}

// sourceOwner returns the GitHub account of a source URL
// ("https://github.com/acme/app" gives "acme"), or "" when the source is
// not on GitHub.
func sourceOwner(source string) string {
	if len(source) > maxRef {
		return ""
	}
	s := strings.TrimPrefix(strings.TrimSpace(source), "git+")
	if rest, ok := strings.CutPrefix(s, "git@github.com:"); ok {
		s = "https://github.com/" + rest
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || !strings.EqualFold(u.Hostname(), "github.com") && !strings.EqualFold(u.Hostname(), "www.github.com") {
		return ""
	}
	owner, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/")
	return owner
}
