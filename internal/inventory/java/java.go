// Package java lists the Maven artifacts in Java archives (jar, war, ear
// and the plugin formats built on them): each pom.properties Maven wrote
// into the archive, or, when there is none, what the manifest or the file
// name tells, and the same for the archives nested inside, down to a
// bounded depth and within a bounded number of unpacked bytes.
package java

import (
	"context"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

const (
	// maxArchive is the largest archive read, on disk or nested.
	maxArchive = 64 << 20
	// maxUnpacked bounds the bytes unpacked from one archive and all the
	// archives nested in it, so that a zip bomb costs no more.
	maxUnpacked = 256 << 20
	// maxEntries bounds the entries listed, nested archives included.
	maxEntries = 1 << 17
	// maxDepth is how many levels of nested archives are read.
	maxDepth = 3
	// maxMeta bounds a manifest or pom.properties.
	maxMeta = 1 << 20
)

// Extractor reads Java archives.
type Extractor struct{}

// New returns a Java archive extractor.
func New() *Extractor { return &Extractor{} }

// Name names the extractor in Package.Via.
func (*Extractor) Name() string { return "java" }

// Version changes whenever what the extractor reports changes.
func (*Extractor) Version() int { return 1 }

// Limit claims Java archives up to maxArchive bytes.
func (*Extractor) Limit(e *facts.Entry) int64 {
	if e.Type != facts.TypeFile || !isArchive(e.Path) {
		return 0
	}
	return maxArchive
}

// Extract lists the artifacts of the archive e, whose content is data.
// Damaged nested archives are reported in the error alongside the
// artifacts that could be read.
func (*Extractor) Extract(ctx context.Context, e *facts.Entry, data []byte) ([]facts.Package, error) {
	// The walk names e in the errors it records, so errors here name only
	// the archives nested in it.
	r := reader{budget: maxUnpacked}
	return r.archive(ctx, e.Path, data, 0)
}

// archiveExts are the extensions of the zip formats Java programs ship in.
var archiveExts = [...]string{".jar", ".war", ".ear", ".par", ".sar", ".jpi", ".hpi"}

// isArchive reports whether name is a Java archive's; it allocates nothing.
func isArchive(name string) bool {
	ext := path.Ext(name)
	for _, x := range archiveExts {
		if strings.EqualFold(ext, x) {
			return true
		}
	}
	return false
}
