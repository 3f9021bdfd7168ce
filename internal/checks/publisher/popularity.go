package publisher

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/hub"
	"github.com/customs-oss/customs/internal/report"
)

// Thresholds say when a repository is too new, too little used or too old.
type Thresholds struct {
	// MinPulls is the pull count below which a repository is little used.
	MinPulls int64
	// MinAgeDays is the age below which a repository is new.
	MinAgeDays int
	// StaleDays is how long without a push makes a repository abandoned.
	StaleDays int
}

// The thresholds customs uses.
const (
	DefaultMinPulls   = 1000
	DefaultMinAgeDays = 30
	DefaultStaleDays  = 730
)

var popularityInfo = check.Info{
	ID:       "popularity/risk",
	Version:  2,
	Title:    "New, little-used or abandoned repository",
	Severity: report.SeverityHigh,
	Item:     report.ItemPopularity,
	Description: fmt.Sprintf("For a Docker Hub name, compares the repository's age and pulls with thresholds: younger than "+
		"%d days with fewer than %d pulls is high (the shape of a freshly planted look-alike), fewer pulls alone "+
		"is low, and a repository Docker Hub marks inactive or archived, whose description says it is deprecated "+
		"or unmaintained, or that has not been pushed for %d days is medium (nobody ships its security fixes).", DefaultMinAgeDays, DefaultMinPulls, DefaultStaleDays),
	Remediation: "Check that the name is exactly the one you meant (look-alikes of popular images are new and " +
		"little pulled); prefer a widely used, maintained image, or build it yourself from its source.",
	References: []string{
		"https://docs.docker.com/docker-hub/repos/manage/trusted-content/",
		"https://www.aquasec.com/blog/supply-chain-threats-using-container-images/",
	},
}

func popularity() check.Constructor {
	return func() check.Check {
		return &popularityCheck{limits: Thresholds{MinPulls: DefaultMinPulls, MinAgeDays: DefaultMinAgeDays, StaleDays: DefaultStaleDays}}
	}
}

type popularityCheck struct {
	networked
	limits Thresholds
}

func (*popularityCheck) Info() check.Info { return popularityInfo }

// SetEnv takes the Env and the policy's thresholds, where it sets them.
func (c *popularityCheck) SetEnv(env check.Env) {
	c.networked.SetEnv(env)
	if p := env.Popularity; p.MinPulls > 0 {
		c.limits.MinPulls = p.MinPulls
	}
	if p := env.Popularity; p.MinAgeDays > 0 {
		c.limits.MinAgeDays = p.MinAgeDays
	}
	if p := env.Popularity; p.StaleDays > 0 {
		c.limits.StaleDays = p.StaleDays
	}
}

func (c *popularityCheck) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	if c.offline() {
		return nil, nil
	}
	var out []report.Finding
	for _, t := range targets(img.Ref) {
		if !t.hub() {
			continue
		}
		repo, err := c.client().Repository(ctx, t.ns, t.repo)
		if errors.Is(err, hub.ErrNotFound) {
			continue // publisher/class reports it
		}
		if err != nil {
			return out, fmt.Errorf("asking Docker Hub about %s: %w", t.display(), err)
		}
		out = append(out, c.judge(t, repo, img.Now)...)
	}
	return out, nil
}

// judge compares one repository with the thresholds.
func (c *popularityCheck) judge(t target, r hub.Repository, now time.Time) []report.Finding {
	var out []report.Finding
	young := !r.Registered.IsZero() && days(r.Registered, now) < c.limits.MinAgeDays
	few := r.Pulls < c.limits.MinPulls
	switch {
	case young && few:
		out = append(out, popularityInfo.New(fmt.Sprintf("%s is new and little used: created %s (under %d days) "+
			"with %d pulls (under %d); look-alikes of popular images look like this",
			t.display(), age(r.Registered, now), c.limits.MinAgeDays, r.Pulls, c.limits.MinPulls), t.evidence()))
	case few:
		f := popularityInfo.New(fmt.Sprintf("%s is little used: %d pulls (under %d), %d stars",
			t.display(), r.Pulls, c.limits.MinPulls, r.Stars), t.evidence())
		f.Severity = report.SeverityLow
		out = append(out, f)
	}
	var why []string
	if !r.Active() && r.StatusDescription != "" {
		why = append(why, fmt.Sprintf("Docker Hub marks it %s", quote(r.StatusDescription)))
	}
	if !r.LastUpdated.IsZero() && days(r.LastUpdated, now) >= c.limits.StaleDays {
		why = append(why, fmt.Sprintf("last pushed %s", age(r.LastUpdated, now)))
	}
	if w := abandonedWord(r.Description); w != "" {
		why = append(why, fmt.Sprintf("its description says %q", w))
	}
	if len(why) > 0 {
		f := popularityInfo.New(fmt.Sprintf("%s looks abandoned: %s", t.display(), strings.Join(why, ", ")), t.evidence())
		f.Severity = report.SeverityMedium
		out = append(out, f)
	}
	return out
}

// abandonedWords are what publishers write in a repository's description
// when they archive or deprecate it.
var abandonedWords = []string{"deprecated", "no longer maintained", "unmaintained", "archived", "end of life", "do not use"}

// abandonedWord returns the first of abandonedWords the description holds,
// or "".
func abandonedWord(desc string) string {
	d := strings.ToLower(desc)
	for _, w := range abandonedWords {
		if strings.Contains(d, w) {
			return w
		}
	}
	return ""
}
