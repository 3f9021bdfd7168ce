package secret

import (
	"context"
	"fmt"
	"sync"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var credentialInfo = check.Info{
	ID:       "secret/credential",
	Version:  1,
	Title:    "Credential left in a layer",
	Severity: report.SeverityCritical,
	Item:     report.ItemLookInside,
	Description: "A credential ships in a file of the image, visible or deleted by a later layer: cloud keys " +
		"(AWS, Google Cloud service accounts, Azure storage), tokens with a recognisable format (GitHub, GitLab, " +
		"Slack, Stripe, npm, PyPI and the other 200 gitleaks rules), registry logins in .docker/config.json, " +
		".npmrc, .pypirc, .netrc and .git-credentials, and secret-named values in .env files. Critical for a " +
		"credential format that is live by construction, high for a vendor key recognised by its context or a " +
		"stored password, medium for a generic high-entropy assignment, low for test and example material. " +
		"Third-party package trees (node_modules, site-packages, Go module caches) are not read, and in the " +
		"distribution's own directories only distinctive formats are looked for. The secret itself never " +
		"appears in the report: only the rule, its first characters and the line.",
	Remediation: "Remove the file from every layer (use build secrets, RUN --mount=type=secret, or a multi-stage " +
		"build; a later RUN rm does not remove it) and revoke the credential: it must be treated as public.",
	References: []string{
		"https://docs.docker.com/build/building/secrets/",
		"https://github.com/gitleaks/gitleaks",
		"https://cwe.mitre.org/data/definitions/798.html",
	},
}

// credentialCheck runs the secret rules and the credential-store parsers.
// It is called from several layers at once: scanners come from a pool.
type credentialCheck struct {
	rules    *ruleset
	err      error
	scanners *sync.Pool
}

func credential() check.Constructor {
	return func() check.Check {
		rs, err := builtinRules()
		c := &credentialCheck{rules: rs, err: err}
		if rs != nil {
			c.scanners = &sync.Pool{New: func() any { return rs.newScanner() }}
		}
		return c
	}
}

func (c *credentialCheck) Info() check.Info { return credentialInfo }

// CheckImage reports a rule set that failed to load, so that the check shows
// as failed in the report instead of silently finding nothing.
func (c *credentialCheck) CheckImage(context.Context, *facts.Image) ([]report.Finding, error) {
	if c.err != nil {
		return nil, fmt.Errorf("loading the secret rules: %w", c.err)
	}
	return nil, nil
}

// Wants reads text files by path, extension and size.
func (c *credentialCheck) Wants(e *facts.Entry) bool {
	return c.rules != nil && wantsText(e)
}

// CheckContent runs every rule whose keywords occur in the file, and the
// parser of the file's credential-store format if it has one.
func (c *credentialCheck) CheckContent(ctx context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if len(data) > maxScan {
		data = data[:maxScan]
	}
	if c.rules == nil || isBinary(data) {
		return nil, nil
	}
	sc := c.scanners.Get().(*scanner)
	defer c.scanners.Put(sc)
	floor := generic
	switch {
	case isSystemPath(e.Path):
		floor = format
	case !configLike(e.Path):
		floor = contextual
	}
	var ls []leak
	for _, m := range c.rules.scan(sc, e.Path, data, floor) {
		ls = append(ls, leak{id: m.rule.id, what: m.rule.description, severity: confidenceSeverity(m.rule.confidence),
			line: m.line, start: m.secretStart, end: m.secretEnd})
	}
	if parse := credentialStore(e.Path); parse != nil {
		ls = append(ls, parse(data)...)
	}
	if len(ls) == 0 {
		return nil, ctx.Err()
	}
	ls = mergeLeaks(ls)
	note := ""
	if isTestPath(e.Path) {
		note = " (in test or example material, most likely a fake)"
		for i := range ls {
			ls[i].severity = min(ls[i].severity, report.SeverityLow)
		}
	}
	return leakFindings(credentialInfo, e.Path, data, ls, note), nil
}

// confidenceSeverity is the severity of a rule's matches.
func confidenceSeverity(c confidence) report.Severity {
	switch c {
	case format:
		return report.SeverityCritical
	case contextual:
		return report.SeverityHigh
	}
	return report.SeverityMedium
}
