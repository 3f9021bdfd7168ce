// Package provenance holds the checks on where an image comes from and how
// it was built: the OCI labels and annotations that name its source, and the
// in-toto attestations (SLSA provenance, SBOMs) attached to it in its index
// or listed by its registry as referrers. Signatures are not verified here.
package provenance

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the provenance checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		labels(),
		slsa(),
		sbom(),
		mismatch(),
	}
}
