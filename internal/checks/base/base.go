// Package base holds the base checks.
package base

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the base checks.
func Checks() []check.Constructor {
	return nil
}
