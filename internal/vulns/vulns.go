// Package vulns matches the packages installed in an image against OSV
// vulnerability records: it names each package in the OSV ecosystem that
// covers it, looks every package up in one batch, places the installed
// version inside the records' ranges, merges the records that describe one
// vulnerability under several IDs, rates severity from CVSS vectors or the
// database's own rating, and applies the user's suppressions (unfixed,
// ignore file, OpenVEX). It does no I/O: the records come from a Lookup.
package vulns

import (
	"context"

	"github.com/customs-oss/customs/internal/osv"
)

// Query names one package to look up: the ecosystem exactly as OSV spells
// it in affected[].package.ecosystem ("Alpine:v3.10", "Debian:12", "Go")
// and the package name as OSV records it.
type Query struct {
	Ecosystem string
	Package   string
}

// Lookup finds the records that affect packages. Queries with no records
// may be absent from the map. The records may be shared and are not
// modified.
type Lookup interface {
	LookupMany(ctx context.Context, queries []Query) (map[Query][]*osv.Vulnerability, error)
}
