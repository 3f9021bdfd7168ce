// Package pin holds the pin checks.
package pin

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the pin checks.
func Checks() []check.Constructor {
	return nil
}
