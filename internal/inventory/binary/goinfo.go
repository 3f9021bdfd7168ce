package binary

import (
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// goMagic starts the 32-byte build info header the Go linker writes, at a
// 16-byte aligned address (see debug/buildinfo).
var goMagic = []byte("\xff Go buildinf:")

const (
	goHeaderSize = 32
	goAlign      = 16
	// maxVersion and maxModInfo bound the two strings that follow the
	// header; real module lists are tens of KiB.
	maxVersion = 256
	maxModInfo = 8 << 20
	// flagsInline marks the Go 1.18 layout, with the strings inline.
	flagsInline = 0x2
)

// goInfo reads the build info whose header may start at buf[at]. ok is
// false when it is not a build info header after all (the magic string
// also occurs in programs that read build info, as a literal).
func (s *scanner) goInfo(at int) (pkgs []facts.Package, ok bool, err error) {
	if (s.off+int64(at))%goAlign != 0 {
		return nil, false, nil
	}
	h := s.buf[at:s.n]
	if len(h) < goHeaderSize {
		return nil, false, nil
	}
	if ptr := h[len(goMagic)]; ptr != 4 && ptr != 8 {
		return nil, false, nil
	}
	if h[len(goMagic)+1]&flagsInline == 0 {
		s.pre118 = true
		return nil, false, nil
	}
	rest := h[goHeaderSize:]
	vlen, vn := binary.Uvarint(rest)
	if vn <= 0 || vlen == 0 || vlen > maxVersion || uint64(len(rest)-vn) < vlen {
		return nil, false, nil
	}
	vers := string(rest[vn : vn+int(vlen)])
	if !strings.HasPrefix(vers, "go") && !strings.HasPrefix(vers, "devel") {
		return nil, false, nil
	}
	rest = rest[vn+int(vlen):]
	mlen, mn := binary.Uvarint(rest)
	if mn <= 0 {
		return nil, false, nil
	}
	if mlen > maxModInfo {
		return nil, true, fmt.Errorf("module info of %d bytes is over the %d byte limit", mlen, maxModInfo)
	}
	mod, err := s.take(rest[mn:], int(mlen))
	if err != nil {
		return nil, true, fmt.Errorf("reading module info: %w", err)
	}
	pkgs, err = goPackages(vers, mod)
	return pkgs, true, err
}

// take returns n bytes: those of have, then the rest read from the file.
// The scan ends after it, so reading past the buffer is safe.
func (s *scanner) take(have []byte, n int) (string, error) {
	if len(have) >= n {
		return string(have[:n]), nil
	}
	out := make([]byte, n)
	copy(out, have)
	if _, err := io.ReadFull(s.r, out[len(have):]); err == io.EOF || err == io.ErrUnexpectedEOF {
		return "", errTruncated
	} else if err != nil {
		return "", err
	}
	return string(out), nil
}
