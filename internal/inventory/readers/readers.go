// Package readers lists the inventory readers customs runs during the
// layer pass: the OS package databases, the language package metadata and
// the binaries and archives that carry module lists.
package readers

import (
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/inventory/apk"
	"github.com/customs-oss/customs/internal/inventory/binary"
	"github.com/customs-oss/customs/internal/inventory/composer"
	"github.com/customs-oss/customs/internal/inventory/dpkg"
	"github.com/customs-oss/customs/internal/inventory/gem"
	"github.com/customs-oss/customs/internal/inventory/java"
	"github.com/customs-oss/customs/internal/inventory/npm"
	"github.com/customs-oss/customs/internal/inventory/python"
	"github.com/customs-oss/customs/internal/inventory/rpm"
)

// All returns every inventory reader, freshly constructed.
func All() inventory.Set {
	return inventory.Set{
		Extractors: []inventory.Extractor{
			dpkg.New(), apk.New(), rpm.New(),
			npm.New(), npm.NewLock(), python.New(), gem.New(), composer.New(),
			java.New(),
		},
		Streamers: []inventory.Streamer{binary.New()},
	}
}
