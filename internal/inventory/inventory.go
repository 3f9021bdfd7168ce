// Package inventory finds what is installed in an image while its layers
// stream past, once: OS package databases, language package metadata and
// the module lists compiled into binaries. Each reader is an Extractor (it
// needs the file's bytes, up to a bound) or a Streamer (it sees a file too
// large to hold as it goes by). The merge then keeps the packages whose
// metadata file survives in the final filesystem.
package inventory

import (
	"context"
	"io"

	"github.com/customs-oss/customs/internal/facts"
)

// Extractor reads packages from a metadata file it can hold in memory.
type Extractor interface {
	// Name names the extractor in errors and in Package.Via; Version
	// changes whenever what it extracts changes, so that cached layer
	// facts are not reused across versions.
	Name() string
	Version() int
	// Limit returns how many bytes of e the extractor needs, or 0 when e is
	// not a file it reads. A file larger than the limit is not extracted
	// and the layer records why.
	Limit(e *facts.Entry) int64
	// Extract reads the packages of the file e, whose whole content is
	// data. data is shared: do not modify or retain it.
	Extract(ctx context.Context, e *facts.Entry, data []byte) ([]facts.Package, error)
}

// Streamer reads packages from files it cannot hold, such as the module
// list compiled into an executable, as the file streams past.
type Streamer interface {
	// Name and Version are as for Extractor.
	Name() string
	Version() int
	// Wants says whether the streamer reads e.
	Wants(e *facts.Entry) bool
	// Stream reads the file from r, which yields its content once; it may
	// stop early.
	Stream(ctx context.Context, e *facts.Entry, r io.Reader) ([]facts.Package, error)
}

// Set is the readers of one scan.
type Set struct {
	Extractors []Extractor
	Streamers  []Streamer
}

// Empty reports whether the set reads nothing.
func (s Set) Empty() bool { return len(s.Extractors) == 0 && len(s.Streamers) == 0 }
