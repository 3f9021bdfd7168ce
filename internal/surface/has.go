package surface

import (
	"sort"

	"github.com/customs-oss/customs/internal/facts"
)

// commonVersioned are versioned names common enough to probe for.
var commonVersioned = []string{"pip3", "python3"}

// Has reports whether fs holds a component of kind in one of the standard bin
// directories (bin, sbin, usr/bin, usr/sbin, usr/local/bin, usr/local/sbin).
// It looks the known names up instead of walking the filesystem, so it is
// cheap, but it sees only the plain names of tools (and pip3, python3): use
// Find for the complete list.
func Has(fs *facts.FS, kind string) bool {
	if fs == nil {
		return false
	}
	var names []string
	for name, k := range tools {
		if k == kind {
			names = append(names, name)
		}
	}
	for _, name := range commonVersioned {
		if _, k, ok := lookup(name); ok && k == kind {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for dir := range binDirs {
		for _, name := range names {
			if f, ok := fs.Stat(dir + name); ok {
				if _, ok := executable(fs, f); ok {
					return true
				}
			}
		}
	}
	return false
}
