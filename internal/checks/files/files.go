// Package files holds the files checks.
package files

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the files checks.
func Checks() []check.Constructor {
	return nil
}
