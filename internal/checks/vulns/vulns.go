// Package vulns holds the check for known vulnerabilities: the packages
// installed in the image matched against a local OSV store.
package vulns

import (
	"github.com/customs-oss/customs/internal/check"
	matcher "github.com/customs-oss/customs/internal/vulns"
)

// Checks returns the constructors of the known-vulnerability checks. They
// find no store until the scan lends one; Known builds them with one.
func Checks() []check.Constructor {
	return []check.Constructor{Known(Options{})}
}

// Options are what the known-vulnerability check needs from the scan.
type Options struct {
	// Lookup is the vulnerability store; nil means none is configured and
	// the check says that it did not run.
	Lookup matcher.Lookup
	// Settings say which vulnerabilities not to report.
	Settings matcher.Settings
}
