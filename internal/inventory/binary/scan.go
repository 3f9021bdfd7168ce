package binary

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/facts"
)

// errPre118 says why an old Go binary yields no modules: before Go 1.18
// the linker stored pointers to the module list, which only random access
// into the loaded segments can follow.
var errPre118 = errors.New("module info not readable (built before Go 1.18)")

// scanner searches one file for a Go build info header and for a
// cargo-auditable dependency list. buf holds the part of the file being
// searched: the bytes from buf[0] start at file offset off, and candidates
// are only taken in the first len-lookahead bytes so that each is checked
// with enough of what follows it in memory.
type scanner struct {
	r    io.Reader
	buf  []byte
	off  int64
	n    int
	eof  bool
	rust rustProbe
	// pre118 is set when an old-style build info header was seen; it is
	// reported only if no newer header follows.
	pre118 bool
}

// run reads the file to the end, or until a module list is found.
func (s *scanner) run(ctx context.Context) ([]facts.Package, error) {
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := s.fill(); err != nil {
			return nil, err
		}
		if first && !executable(s.buf[:s.n]) {
			return nil, nil
		}
		end := s.n
		if !s.eof {
			end -= lookahead
		}
		pkgs, done, err := s.search(end)
		if done || err != nil {
			return pkgs, err
		}
		if s.eof {
			break
		}
		s.n = copy(s.buf, s.buf[end:s.n])
		s.off += int64(end)
	}
	if s.pre118 {
		return nil, errPre118
	}
	return nil, nil
}

// fill reads until the buffer is full or the file ends.
func (s *scanner) fill() error {
	m, err := io.ReadFull(s.r, s.buf[s.n:])
	s.n += m
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		s.eof = true
	case err != nil:
		return fmt.Errorf("at byte %d: %w", s.off+int64(s.n), err)
	}
	return nil
}

// search looks for candidates starting before end in the buffer. done is
// set when a module list was read, or could have been and was not.
func (s *scanner) search(end int) ([]facts.Package, bool, error) {
	win := s.buf[:s.n]
	// A Go header must start before end; let the search run far enough
	// that one starting just before end is found whole.
	limit := min(end+len(goMagic)-1, len(win))
	for i := 0; i < end; {
		j := bytes.Index(win[i:limit], goMagic)
		if j < 0 {
			break
		}
		at := i + j
		pkgs, ok, err := s.goInfo(at)
		if ok || err != nil {
			return pkgs, true, err
		}
		i = at + 1
	}
	return s.rust.search(s, end)
}

// errTruncated says a module list was cut short by the end of the file.
var errTruncated = errors.New("module list cut short by the end of the file")
