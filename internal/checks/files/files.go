// Package files holds the checks on the files of an image: their
// permissions, their kinds and where they are, in every layer, and the
// content that later layers hide but the image still ships.
package files

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the files checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		setuid(),
		worldWritable(),
		device(),
		hiddenDir(),
		tmpExecutable(),
		hiddenContent(),
	}
}
