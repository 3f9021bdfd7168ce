// Package binary lists the modules compiled into executables: the Go
// modules a Go toolchain records in every binary it links (Go 1.18 and
// later), and the Rust crates cargo-auditable embeds in a ".dep-v0"
// section. One pass reads the file front to back, with bounded memory and
// no random access, and stops as soon as it has what it looks for.
package binary

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/customs-oss/customs/internal/facts"
)

const (
	// minSize is the smallest file worth reading: no Go or Rust executable
	// is smaller.
	minSize = 4 << 10
	// chunkSize is how much of the file is searched at once; lookahead is
	// how many bytes past a candidate are kept in memory to check it, so
	// that a match never straddles two reads.
	chunkSize = 256 << 10
	lookahead = 4 << 10
)

// Streamer reads the module lists of executables. Its zero value is not
// usable: call New.
type Streamer struct {
	bufs sync.Pool
}

// New returns a streamer of Go and Rust executables.
func New() *Streamer {
	return &Streamer{bufs: sync.Pool{New: func() any {
		b := make([]byte, chunkSize+lookahead)
		return &b
	}}}
}

// Name names the streamer in Package.Via.
func (*Streamer) Name() string { return "binary" }

// Version changes whenever what the streamer reports changes.
func (*Streamer) Version() int { return 1 }

// Stream reads the executable e from r and returns the Go modules or Rust
// crates it was built from. A file that is not an executable, or an
// executable that records no module list, yields nothing and no error.
func (s *Streamer) Stream(ctx context.Context, e *facts.Entry, r io.Reader) ([]facts.Package, error) {
	bp := s.bufs.Get().(*[]byte)
	defer s.bufs.Put(bp)
	sc := scanner{r: r, buf: *bp}
	// The walk names e in the errors it records.
	pkgs, err := sc.run(ctx)
	if err != nil {
		return pkgs, fmt.Errorf("reading the module list: %w", err)
	}
	return pkgs, nil
}
