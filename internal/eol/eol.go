// Package eol knows when each base operating system release stops receiving
// security updates.
package eol

import (
	"time"

	"github.com/customs-oss/customs/internal/facts"
)

// Status is the support state of a release on a given day.
type Status struct {
	// Known is false when the table has no entry for the release.
	Known bool
	// Date is the end of security support.
	Date time.Time
	EOL  bool
}

// Lookup returns the support state of os on day now.
func Lookup(os facts.OS, now time.Time) Status {
	return Status{}
}
