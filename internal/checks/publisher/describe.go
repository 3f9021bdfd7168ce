package publisher

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/hub"
	"github.com/customs-oss/customs/internal/redact"
)

// maxDescription bounds the repository description quoted in a finding.
const maxDescription = 160

// age says how long ago t was, in days, as of now ("2014-06-05, 4556 days
// ago"); the zero time is "unknown".
func age(t, now time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return fmt.Sprintf("%s, %d days ago", t.Format("2006-01-02"), days(t, now))
}

// days is the whole number of days from t to now, never negative.
func days(t, now time.Time) int {
	d := int(now.Sub(t).Hours() / 24)
	if d < 0 {
		return 0
	}
	return d
}

// summary describes a repository in one sentence: ages, use, description.
func summary(r hub.Repository, now time.Time) string {
	s := fmt.Sprintf("repository created %s, last pushed %s, %d pulls, %d stars",
		age(r.Registered, now), age(r.LastUpdated, now), r.Pulls, r.Stars)
	if d := quote(r.Description); d != "" {
		s += "; description " + d
	}
	return s
}

// quote redacts, flattens and truncates text from Docker Hub for a report.
func quote(s string) string {
	s = strings.Join(strings.Fields(redact.Text(s)), " ")
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) > maxDescription {
		r := []rune(s)
		s = string(r[:maxDescription]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
