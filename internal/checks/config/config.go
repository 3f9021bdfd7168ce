// Package config holds the checks that read an image's configuration and
// history: the user it runs as, its health check, secrets in its
// environment, labels and build steps, risky ports, what its build steps
// do (download and run scripts, turn off TLS checks, open permissions,
// install sudo, leave package caches) and what it starts.
package config

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the config checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		rootUser(),
		noHealthcheck(),
		secretInEnv(),
		secretInLabel(),
		secretInHistory(),
		riskyPort(),
		downloadExec(),
		tlsDisabled(),
		chmod777(),
		sudo(),
		packageCache(),
		entrypoint(),
	}
}
