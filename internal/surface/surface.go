// Package surface finds the tools in an image's final filesystem that widen
// its attack surface: shells, package managers, compilers, interpreters and
// network tools.
package surface

import (
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// Find lists the components present in the merged filesystem, sorted by kind
// and name.
func Find(fs *facts.FS) []report.Component {
	return nil
}
