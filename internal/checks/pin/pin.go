// Package pin holds the checks on how an image is referenced: by a digest
// that cannot move, or by a tag that can. They apply only to references
// that name a registry repository; files and layouts have nothing to pin.
package pin

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the pin checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		noDigest(),
		latestTag(),
		mutableTag(),
	}
}
