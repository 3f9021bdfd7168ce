// Package miner holds the checks that find cryptocurrency miners in an
// image: mining programs (also renamed, packed, inside archives or deleted
// by a later layer), their configuration files and command lines, mining
// pool addresses, wallet addresses and browser miners in web content.
package miner

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the miner checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		binary,
		config,
		poolCheck,
		walletCheck,
		cliFlags,
		browser,
	}
}
