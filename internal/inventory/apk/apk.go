// Package apk lists the packages apk installed on Alpine and its
// derivatives, from its database lib/apk/db/installed.
package apk

import (
	"context"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

const (
	installedFile = "lib/apk/db/installed"
	// maxInstalled bounds the database held in memory: it lists every
	// installed file, and a large Alpine image's is a few MiB.
	maxInstalled = 64 << 20
)

// Extractor reads apk's installed database.
type Extractor struct{}

// New returns the apk extractor.
func New() inventory.Extractor { return Extractor{} }

// Name names the extractor in Package.Via and in inventory errors.
func (Extractor) Name() string { return "apk" }

// Version changes whenever the packages the extractor lists change.
func (Extractor) Version() int { return 1 }

// Limit claims the installed database.
func (Extractor) Limit(e *facts.Entry) int64 {
	if e.Type == facts.TypeFile && e.Path == installedFile {
		return maxInstalled
	}
	return 0
}

// Extract lists the packages of the installed database. A package block
// that cannot be read is reported in the error, with the packages of the
// others.
func (Extractor) Extract(ctx context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return packages(data)
}
