// Package composer lists the PHP packages Composer installed in an image,
// from vendor/composer/installed.json, and those an application's
// composer.lock pins.
package composer

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Limits on the files read: installed.json repeats each package's
// composer.json, and lock files of large applications run to MiB.
const (
	installedLimit = 32 << 20
	lockLimit      = 64 << 20
)

// Packages reads Composer's records of installed and locked packages.
type Packages struct{}

// New returns the reader of installed.json and composer.lock files.
func New() *Packages { return &Packages{} }

// Name names the reader in Package.Via.
func (*Packages) Name() string { return "composer" }

// Version changes whenever what Extract returns changes.
func (*Packages) Version() int { return 1 }

// Limit is the bound for vendor/composer/installed.json and for a
// composer.lock outside a vendor directory (a dependency's own lock file
// says nothing about what is installed), and 0 for any other file.
func (*Packages) Limit(e *facts.Entry) int64 {
	switch kind(e.Path) {
	case "installed.json":
		return installedLimit
	case "composer.lock":
		return lockLimit
	}
	return 0
}

// Extract returns the packages the file lists, in its order.
func (*Packages) Extract(_ context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	var (
		pkgs []facts.Package
		err  error
	)
	switch k := kind(e.Path); k {
	case "installed.json":
		pkgs, err = parseInstalled(data)
	case "composer.lock":
		pkgs, err = parseLock(data)
	}
	if err != nil {
		return pkgs, fmt.Errorf("reading %s: %w", kind(e.Path), err)
	}
	return pkgs, nil
}

// kind returns which Composer file p is, or "".
func kind(p string) string {
	const installed = "vendor/composer/installed.json"
	if p == installed || strings.HasSuffix(p, "/"+installed) {
		return "installed.json"
	}
	dir, ok := strings.CutSuffix(p, "composer.lock")
	if !ok || (dir != "" && !strings.HasSuffix(dir, "/")) {
		return ""
	}
	if strings.HasPrefix(dir, "vendor/") || strings.Contains(dir, "/vendor/") {
		return ""
	}
	return "composer.lock"
}
