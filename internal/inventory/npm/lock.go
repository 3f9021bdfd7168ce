package npm

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/customs-oss/customs/internal/facts"
)

// lockLimit bounds a lock file: those of large monorepos run to tens of MiB.
const lockLimit = 64 << 20

// Locks reads the packages an application's lock files pin. They are
// listed whether or not a node_modules tree is installed beside them,
// under their own name so that a report can tell a pinned package from an
// installed one.
type Locks struct{}

// NewLock returns the reader of package-lock.json, npm-shrinkwrap.json and
// yarn.lock files outside node_modules.
func NewLock() *Locks { return &Locks{} }

// Name names the reader in Package.Via.
func (*Locks) Name() string { return "npm-lock" }

// Version changes whenever what Extract returns changes.
func (*Locks) Version() int { return 1 }

// Limit is lockLimit for a lock file outside node_modules, and 0 for any
// other file.
func (*Locks) Limit(e *facts.Entry) int64 {
	if lockFile(e.Path) != "" {
		return lockLimit
	}
	return 0
}

// Extract returns the packages the lock file pins, sorted by name and
// version, each name and version once.
func (*Locks) Extract(_ context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	var (
		pkgs []facts.Package
		err  error
	)
	switch kind := lockFile(e.Path); kind {
	case "yarn.lock":
		pkgs, err = parseYarnLock(data)
	default:
		pkgs, err = parsePackageLock(data)
	}
	pkgs = unique(pkgs)
	if err != nil {
		return pkgs, fmt.Errorf("reading %s: %w", lockFile(e.Path), err)
	}
	return pkgs, nil
}

// unique sorts pkgs and drops repeated name and version pairs: a lock file
// lists a package once per place it is installed, and they are one package.
func unique(pkgs []facts.Package) []facts.Package {
	slices.SortFunc(pkgs, func(a, b facts.Package) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Version, b.Version))
	})
	return slices.CompactFunc(pkgs, func(a, b facts.Package) bool {
		return a.Name == b.Name && a.Version == b.Version
	})
}
