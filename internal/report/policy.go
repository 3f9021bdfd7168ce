package report

import (
	"fmt"
	"strings"
)

// Decisions a policy can reach.
const (
	Accept = "accept"
	Review = "review"
	Reject = "reject"
)

// Verdict is the decision on an image and the reason for it.
type Verdict struct {
	Decision string `json:"decision"`
	Reason   string `json:"reason"`
	// FailOn and ReviewOn are the severity thresholds the policy applied.
	FailOn   Severity `json:"failOn"`
	ReviewOn Severity `json:"reviewOn"`
	// Counts is the number of findings at each severity.
	Counts map[string]int `json:"counts"`
}

// Policy turns findings into a verdict: any finding at or above FailOn
// rejects the image, any at or above ReviewOn asks for a review.
type Policy struct {
	FailOn   Severity
	ReviewOn Severity
	// Ignore lists check IDs whose findings do not count towards the verdict.
	Ignore []string
	// Popularity tunes when a Docker Hub repository counts as too new, too
	// little pulled or abandoned; zero fields keep customs' defaults.
	Popularity Popularity
}

// Popularity holds the thresholds of the popularity checks.
type Popularity struct {
	// MinPulls is the pull count below which a repository is little used.
	MinPulls int64
	// MinAgeDays is the age in days below which a repository is new.
	MinAgeDays int
	// StaleDays is how many days without a push make a repository abandoned.
	StaleDays int
}

// DefaultPolicy rejects on critical findings and asks for review on high ones.
func DefaultPolicy() Policy {
	return Policy{FailOn: SeverityCritical, ReviewOn: SeverityHigh}
}

// Decide computes the verdict for findings.
func (p Policy) Decide(findings []Finding) Verdict {
	v := Verdict{FailOn: p.FailOn, ReviewOn: p.ReviewOn, Counts: map[string]int{}}
	for _, s := range severityNames {
		v.Counts[s] = 0
	}
	var rejectBy, reviewBy []string
	for _, f := range findings {
		v.Counts[f.Severity.String()]++
		if p.ignored(f.Check) {
			continue
		}
		switch {
		case f.Severity >= p.FailOn:
			rejectBy = appendUnique(rejectBy, f.Check)
		case f.Severity >= p.ReviewOn:
			reviewBy = appendUnique(reviewBy, f.Check)
		}
	}
	switch {
	case len(rejectBy) > 0:
		v.Decision = Reject
		v.Reason = fmt.Sprintf("%s at or above %s: %s", plural(len(rejectBy), "check"), p.FailOn, strings.Join(rejectBy, ", "))
	case len(reviewBy) > 0:
		v.Decision = Review
		v.Reason = fmt.Sprintf("%s at or above %s: %s", plural(len(reviewBy), "check"), p.ReviewOn, strings.Join(reviewBy, ", "))
	default:
		v.Decision = Accept
		if t := minSeverity(p.FailOn, p.ReviewOn); t == SeverityNone {
			v.Reason = "the policy neither rejects nor asks for review"
		} else {
			v.Reason = fmt.Sprintf("no finding at or above %s", t)
		}
	}
	return v
}

func (p Policy) ignored(id string) bool {
	for _, i := range p.Ignore {
		if i == id {
			return true
		}
	}
	return false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func minSeverity(a, b Severity) Severity {
	if a < b {
		return a
	}
	return b
}
