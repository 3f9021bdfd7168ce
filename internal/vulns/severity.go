package vulns

import (
	"encoding/json"
	"strings"

	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
)

// Rating is how serious a vulnerability is and where that came from.
type Rating struct {
	Severity report.Severity
	// Score and CVSS are the CVSS score and the vector it was computed
	// from (v2, v3.0, v3.1 or v4.0); both zero when the rating is the
	// database's own word.
	Score float64
	CVSS  string
	// Rated is false when no record gave a usable rating; Severity is then
	// medium, so that an unrated vulnerability is neither hidden nor
	// inflated.
	Rated bool
}

// FromScore maps a CVSS score of any version to a severity by the
// qualitative scale all versions share: critical from 9.0, high from 7.0,
// medium from 4.0, low above 0. A score of 0.0 means the vector claims no
// impact at all (CVSS names it "None"), which is info, not low.
func FromScore(score float64) report.Severity {
	switch {
	case score >= 9:
		return report.SeverityCritical
	case score >= 7:
		return report.SeverityHigh
	case score >= 4:
		return report.SeverityMedium
	case score > 0:
		return report.SeverityLow
	}
	return report.SeverityInfo
}

// rate rates one record for the affected entry that matched: the newest
// CVSS version the entry gives a scorable vector in, else the record,
// else the rating the database wrote in database_specific or as a
// qualitative severity (Ubuntu).
func rate(v *osv.Vulnerability, a *osv.Affected) Rating {
	for _, sevs := range [][]osv.Severity{a.Severity, v.Severity} {
		if r, ok := fromVectors(sevs); ok {
			return r
		}
	}
	for _, raw := range []json.RawMessage{a.DatabaseSpecific, v.DatabaseSpecific} {
		if s, ok := fromDatabase(raw); ok {
			return Rating{Severity: s, Rated: true}
		}
	}
	for _, sevs := range [][]osv.Severity{a.Severity, v.Severity} {
		for _, s := range sevs {
			if sev, ok := fromWord(s.Score); ok && !strings.HasPrefix(s.Type, "CVSS") {
				return Rating{Severity: sev, Rated: true}
			}
		}
	}
	return Rating{Severity: report.SeverityMedium}
}

// fromVectors scores the vector of sevs in the newest CVSS version that
// scores at all: v4.0, then v3.1, v3.0 and v2. A database that adds a
// newer vector to an older one has reassessed the vulnerability, so the
// newer one stands even when it scores lower. Among vectors of one
// version the first wins; a vector that does not parse is passed over.
func fromVectors(sevs []osv.Severity) (Rating, bool) {
	best, bestRank := Rating{}, 0
	for _, s := range sevs {
		rank, scorer := cvssVersion(s)
		if rank <= bestRank {
			continue
		}
		score, err := scorer(s.Score)
		if err != nil {
			continue
		}
		best = Rating{Severity: FromScore(score), Score: score, CVSS: s.Score, Rated: true}
		bestRank = rank
	}
	return best, bestRank > 0
}

// cvssVersion ranks the CVSS version s is written in, newer higher, and
// gives the function that scores it; rank 0 is not a CVSS vector.
func cvssVersion(s osv.Severity) (int, func(string) (float64, error)) {
	switch {
	case s.Type == "CVSS_V4":
		return 4, CVSS4
	case s.Type == "CVSS_V3" && strings.HasPrefix(s.Score, "CVSS:3.1/"):
		return 3, CVSS3
	case s.Type == "CVSS_V3":
		return 2, CVSS3
	case s.Type == "CVSS_V2":
		return 1, CVSS2
	}
	return 0, nil
}

// fromDatabase reads the rating a database writes in its own fields:
// GitHub's "severity", Debian's "urgency", Ubuntu's "priority".
func fromDatabase(raw json.RawMessage) (report.Severity, bool) {
	if len(raw) == 0 {
		return 0, false
	}
	var ds struct {
		Severity string `json:"severity"`
		Urgency  string `json:"urgency"`
		Priority string `json:"priority"`
	}
	if json.Unmarshal(raw, &ds) != nil {
		return 0, false
	}
	for _, w := range []string{ds.Severity, ds.Urgency, ds.Priority} {
		if s, ok := fromWord(w); ok {
			return s, true
		}
	}
	return 0, false
}

// fromWord maps the qualitative ratings of GitHub, Debian, Ubuntu and
// Red Hat to a severity; "unknown", "not yet assigned" and the like are
// no rating.
func fromWord(w string) (report.Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(strings.TrimSuffix(w, "*"))) {
	case "critical":
		return report.SeverityCritical, true
	case "high", "important":
		return report.SeverityHigh, true
	case "moderate", "medium":
		return report.SeverityMedium, true
	case "low", "negligible", "unimportant":
		return report.SeverityLow, true
	}
	return 0, false
}

// better reports whether rating a should represent a merged vulnerability
// rather than b: a rated one over an unrated one, then the higher
// severity, then the higher score.
func better(a, b Rating) bool {
	if a.Rated != b.Rated {
		return a.Rated
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	return a.Score > b.Score
}
