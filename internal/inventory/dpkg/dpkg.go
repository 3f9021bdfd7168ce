// Package dpkg lists the packages dpkg installed, from its status database
// (var/lib/dpkg/status) or from the one-file-per-package directory that
// distroless images ship instead (var/lib/dpkg/status.d).
package dpkg

import (
	"context"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

const (
	statusFile = "var/lib/dpkg/status"
	statusDir  = "var/lib/dpkg/status.d"
	// maxStatus bounds the database held in memory: a Debian system with
	// every package of a desktop installed has a status file of a few MiB.
	maxStatus = 64 << 20
)

// Extractor reads dpkg's status database.
type Extractor struct{}

// New returns the dpkg extractor.
func New() inventory.Extractor { return Extractor{} }

// Name names the extractor in Package.Via and in inventory errors.
func (Extractor) Name() string { return "dpkg" }

// Version changes whenever the packages the extractor lists change.
func (Extractor) Version() int { return 1 }

// Limit claims the status file and every package file of status.d other
// than the md5sums lists that sit beside them.
func (Extractor) Limit(e *facts.Entry) int64 {
	if e.Type != facts.TypeFile {
		return 0
	}
	if e.Path == statusFile || isStatusD(e.Path) {
		return maxStatus
	}
	return 0
}

// isStatusD reports whether p is a package file directly in status.d.
func isStatusD(p string) bool {
	dir, base := path.Split(p)
	return dir == statusDir+"/" && base != "" && !strings.HasSuffix(base, ".md5sums")
}

// Extract lists the installed packages of the status file or status.d
// entry e. A stanza that cannot be read is reported in the error, with
// the packages of the others.
func (Extractor) Extract(ctx context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// status.d entries are written only for installed packages and carry
	// no Status field.
	return packages(data, e.Path != statusFile)
}
