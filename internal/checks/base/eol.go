package base

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/eol"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osrelease"
	"github.com/customs-oss/customs/internal/report"
)

// eolWarningDays is how many days before the end of support the check starts
// warning.
const eolWarningDays = 90

var eolInfo = check.Info{
	ID:       "base/eol",
	Version:  1,
	Title:    "Base OS release at or past its end of life",
	Severity: report.SeverityHigh,
	Item:     report.ItemBase,
	Description: "The base operating system release no longer receives security updates (high), " +
		"or stops receiving them within 90 days (medium): vulnerabilities found in its packages " +
		"after that day are never fixed. The dates come from customs' end-of-life table, which " +
		"follows each vendor's published policy: Debian until the end of Debian LTS, Ubuntu until " +
		"the end of standard support (Ubuntu Pro ESM is mentioned when it still runs), RHEL and UBI " +
		"until the end of Maintenance Support. Rolling releases (Debian testing, Alpine edge, " +
		"Wolfi, Arch) and releases the table does not know are not reported.",
	Remediation: "Rebuild the image on a supported release of its base OS, preferably the newest, " +
		"and rebuild it regularly so it picks up security updates.",
	References: []string{
		"https://endoflife.date",
		"NIST SP 800-190, 4.1.1 Image vulnerabilities",
	},
}

func endOfLife() check.Constructor {
	return check.Image(eolInfo, func(ctx context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Now.IsZero() {
			return nil, errors.New("the inspection day is not set")
		}
		st := eol.Lookup(img.OS, img.Now)
		if !st.Known {
			return nil, nil
		}
		n := img.Now.UTC()
		today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
		days := int(st.Date.Sub(today).Hours() / 24)
		if !st.EOL && days > eolWarningDays {
			return nil, nil
		}
		name := st.Product + " " + st.Cycle
		date := st.Date.Format(time.DateOnly)
		var msg string
		sev := info.Severity
		if st.EOL {
			msg = fmt.Sprintf("%s reached the end of %s on %s", name, st.Support, date)
		} else {
			sev = report.SeverityMedium
			msg = fmt.Sprintf("%s reaches the end of %s on %s, %s", name, st.Support, date, inDays(days))
		}
		if !st.Extended.IsZero() && !st.Extended.Before(today) {
			msg += fmt.Sprintf("; paid updates through %s continue until %s", st.ExtendedSupport, st.Extended.Format(time.DateOnly))
		}
		if st.Upgrade != "" {
			msg += "; move to " + st.Upgrade
		}
		ev := report.Evidence{}
		if src := osrelease.Source(img); src != "" {
			if f, ok := img.FS.Resolve(src); ok {
				ev = fileEvidence(img, f)
			}
		}
		ev.Value = img.OS.ID + " " + img.OS.VersionID
		ev.Reference = st.Reference
		f := info.New(msg, ev)
		f.Severity = sev
		return []report.Finding{f}, nil
	})
}

// inDays says when a day comes, counted from today.
func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}
