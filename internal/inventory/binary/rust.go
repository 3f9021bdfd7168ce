package binary

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/facts"
)

const (
	// maxProbes bounds the zlib streams tried in one file: each costs a
	// few hundred nanoseconds, and a file holds a few per MiB by chance.
	maxProbes = 1 << 16
	// maxDeps bounds the inflated dependency list; real ones are tens of
	// KiB.
	maxDeps = 8 << 20
)

// rustProbe finds the zlib stream cargo-auditable writes: it tries to
// inflate the start of every plausible zlib header and keeps the one whose
// output starts as the dependency list does.
type rustProbe struct {
	zr     io.ReadCloser
	br     bytes.Reader
	probes int
	head   [12]byte
}

// zlibMethod and zlibFlags are the zlib header cargo-auditable writes: deflate with a
// 32 KiB window at the best compression levels.
const zlibMethod, zlibFlags = 0x78, 0xda

// depsStarts are how the JSON document of a dependency list begins.
var depsStarts = [][]byte{[]byte(`{"packages":`), []byte(`{"format":`)}

// search looks for a dependency list starting before end in the buffer of
// s; done is set when one was found and read.
func (p *rustProbe) search(s *scanner, end int) ([]facts.Package, bool, error) {
	win := s.buf[:s.n]
	// The search is for the second header byte, which is rarer than the
	// first in text and code; it runs one byte past end so that a header
	// starting just before end is found.
	limit := min(end+1, len(win))
	for i := 1; i < limit && p.probes < maxProbes; {
		j := bytes.IndexByte(win[i:limit], zlibFlags)
		if j < 0 {
			break
		}
		at := i + j - 1
		i = at + 2
		if win[at] != zlibMethod || !zlibHeader(win[at:]) {
			continue
		}
		p.probes++
		if !p.starts(win[at:]) {
			continue
		}
		pkgs, err := p.read(io.MultiReader(bytes.NewReader(win[at:]), s.r))
		return pkgs, true, err
	}
	return nil, false, nil
}

// zlibHeader reports whether the zlib header at the start of b is
// followed by a valid deflate block type: a cheap check that rejects a
// quarter of the chance matches.
func zlibHeader(b []byte) bool { return len(b) >= 3 && (b[2]>>1)&3 != 3 }

// starts reports whether the zlib stream at the start of b inflates to
// something that begins like a dependency list.
func (p *rustProbe) starts(b []byte) bool {
	p.br.Reset(b)
	if p.zr == nil {
		zr, err := zlib.NewReader(&p.br)
		if err != nil {
			return false
		}
		p.zr = zr
	} else if err := p.zr.(zlib.Resetter).Reset(&p.br, nil); err != nil {
		return false
	}
	n, _ := io.ReadFull(p.zr, p.head[:])
	for _, s := range depsStarts {
		if n >= len(s) && bytes.Equal(p.head[:len(s)], s) {
			return true
		}
	}
	return false
}

// read inflates the dependency list from r, bounded, and parses it.
func (p *rustProbe) read(r io.Reader) ([]facts.Package, error) {
	zr, err := zlib.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading cargo-auditable data: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxDeps+1))
	if err != nil {
		return nil, fmt.Errorf("inflating cargo-auditable data: %w", err)
	}
	if len(data) > maxDeps {
		return nil, fmt.Errorf("cargo-auditable data is over the %d byte limit", maxDeps)
	}
	return parseDeps(data)
}
