// Package name holds the checks on the names an image is known by: the
// reference it was asked for and the tags an archive, a layout or the engine
// records for it.
package name

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the name checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		squat(),
	}
}
