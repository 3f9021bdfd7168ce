// Package config holds the config checks.
package config

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the config checks.
func Checks() []check.Constructor {
	return nil
}
