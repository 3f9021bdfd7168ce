// Package npm lists the npm packages in an image: each package installed
// under a node_modules directory, read from its package.json, and the
// packages an application's package-lock.json, npm-shrinkwrap.json or
// yarn.lock pins.
package npm

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/facts"
)

// manifestLimit bounds a package.json: real ones are a few KiB.
const manifestLimit = 1 << 20

// Manifests reads the package.json of every installed package.
type Manifests struct{}

// New returns the reader of installed packages' package.json files.
func New() *Manifests { return &Manifests{} }

// Name names the reader in Package.Via.
func (*Manifests) Name() string { return "npm" }

// Version changes whenever what Extract returns changes.
func (*Manifests) Version() int { return 1 }

// Limit is manifestLimit for the package.json at the root of a package
// under node_modules, and 0 for any other file.
func (*Manifests) Limit(e *facts.Entry) int64 {
	if installed(e.Path) {
		return manifestLimit
	}
	return 0
}

// Extract returns the package data describes, or nothing for a manifest
// without a name or version (a private application root).
func (*Manifests) Extract(_ context.Context, _ *facts.Entry, data []byte) ([]facts.Package, error) {
	m, err := parseManifest(data)
	if err != nil {
		return nil, fmt.Errorf("reading package.json: %w", err)
	}
	if m.Name == "" || m.Version == "" {
		return nil, nil
	}
	return []facts.Package{{Type: "npm", Name: m.Name, Version: m.Version, Licenses: licenseNames(m.License, m.Licenses)}}, nil
}
