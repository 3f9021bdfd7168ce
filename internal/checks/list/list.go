// Package list is the one registry of customs checks. Adding a check is one
// file in its family's package and one line in that family's Checks function.
package list

import (
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/backdoor"
	"github.com/customs-oss/customs/internal/checks/base"
	"github.com/customs-oss/customs/internal/checks/config"
	"github.com/customs-oss/customs/internal/checks/files"
	"github.com/customs-oss/customs/internal/checks/knownbad"
	"github.com/customs-oss/customs/internal/checks/miner"
	"github.com/customs-oss/customs/internal/checks/name"
	"github.com/customs-oss/customs/internal/checks/pin"
	"github.com/customs-oss/customs/internal/checks/provenance"
	"github.com/customs-oss/customs/internal/checks/publisher"
	"github.com/customs-oss/customs/internal/checks/secret"
	"github.com/customs-oss/customs/internal/checks/signed"
	"github.com/customs-oss/customs/internal/checks/startup"
	"github.com/customs-oss/customs/internal/checks/vulns"
)

// All returns the constructors of every check customs runs, family by family.
func All() []check.Constructor {
	var all []check.Constructor
	for _, family := range [][]check.Constructor{
		config.Checks(),
		pin.Checks(),
		files.Checks(),
		base.Checks(),
		backdoor.Checks(),
		miner.Checks(),
		knownbad.Checks(),
		startup.Checks(),
		secret.Checks(),
		name.Checks(),
		provenance.Checks(),
		publisher.Checks(),
		signed.Checks(),
		vulns.Checks(),
	} {
		all = append(all, family...)
	}
	return all
}
