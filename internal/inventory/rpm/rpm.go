// Package rpm lists the packages rpm installed, from its database in any
// of the three formats rpm has used: Berkeley DB (var/lib/rpm/Packages),
// SQLite (rpmdb.sqlite, rpm 4.16 on) and rpm's own ndb (Packages.db, SUSE).
//
// The Berkeley DB and ndb files are read in memory by the bounded readers
// of this package. SQLite needs a file: that one database is written to a
// private temporary file (mode 0600 in the system temporary directory),
// read, and removed at once. It is the only thing customs ever writes from
// an image, and the only way to read the format short of reimplementing
// SQLite.
package rpm

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

// maxDatabase bounds the database held in memory: a RHEL system with a
// few thousand packages has a Berkeley DB of about 100 MiB.
const maxDatabase = 256 << 20

// format is a database format.
type format int

const (
	formatBDB format = iota + 1
	formatSQLite
	formatNDB
)

// formatOf returns the format of the database file at p, or 0 when p is
// not one of the database files rpm writes.
func formatOf(p string) format {
	switch p {
	case "var/lib/rpm/Packages":
		return formatBDB
	case "var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite":
		return formatSQLite
	case "var/lib/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages.db":
		return formatNDB
	}
	return 0
}

// Extractor reads rpm's package database.
type Extractor struct{}

// New returns the rpm extractor.
func New() inventory.Extractor { return Extractor{} }

// Name names the extractor in Package.Via and in inventory errors.
func (Extractor) Name() string { return "rpm" }

// Version changes whenever the packages the extractor lists change.
func (Extractor) Version() int { return 1 }

// Limit claims the database files.
func (Extractor) Limit(e *facts.Entry) int64 {
	if e.Type == facts.TypeFile && formatOf(e.Path) != 0 {
		return maxDatabase
	}
	return 0
}

// Extract lists the packages of the database e. A package header that
// cannot be read is reported in the error, with the other packages.
func (Extractor) Extract(ctx context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	f := formatOf(e.Path)
	if f == 0 {
		return nil, fmt.Errorf("%q is not an rpm database", e.Path)
	}
	return read(ctx, f, data)
}
