// Package secret holds the checks that read file content for credentials left
// in an image's layers: private keys, cloud and registry credentials, tokens
// with a recognisable format, secrets in credential stores and .env files, and
// shell history. Every layer is read, including content a later layer
// deleted, and every secret is redacted before it reaches a finding.
package secret

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the secret checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		privateKey(),
		credential(),
		shellHistory(),
	}
}
