package java

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/flate"

	"github.com/customs-oss/customs/internal/facts"
)

// reader reads one archive and those nested in it, sharing one budget of
// unpacked bytes and one of entries.
type reader struct {
	budget  int64
	entries int
}

// archive lists the artifacts of the archive at name (the file, or
// "outer.war!WEB-INF/lib/inner.jar" when nested), depth levels below the
// file on disk.
func (r *reader) archive(ctx context.Context, name string, data []byte, depth int) ([]facts.Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	// Entry names are only read, never used as paths on disk, so names
	// such as "../x" are harmless.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("opening archive: %w", err)
	}
	zr.RegisterDecompressor(zip.Deflate, inflate)
	r.entries += len(zr.File)
	if r.entries > maxEntries {
		return nil, fmt.Errorf("over %d archive entries", maxEntries)
	}
	var (
		poms, nested []facts.Package
		manifest     []byte
		errs         []error
	)
	for _, f := range zr.File {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		switch {
		case isPom(f.Name):
			b, err := r.read(f, maxMeta)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if p, ok := pomPackage(f.Name, b); ok {
				p.Path = name + "!" + f.Name
				poms = append(poms, p)
			}
		case strings.EqualFold(f.Name, "META-INF/MANIFEST.MF"):
			b, err := r.read(f, maxMeta)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			manifest = b
		case isArchive(f.Name) && !strings.HasSuffix(f.Name, "/"):
			inner := name + "!" + f.Name
			if depth >= maxDepth {
				errs = append(errs, fmt.Errorf("%q is nested deeper than %d archives: not read", inner, maxDepth))
				continue
			}
			b, err := r.nested(data, f)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			pkgs, err := r.archive(ctx, inner, b, depth+1)
			if err != nil {
				errs = append(errs, fmt.Errorf("%q: %w", inner, err))
			}
			nested = append(nested, pkgs...)
		}
	}
	own := poms
	if len(own) == 0 {
		if p, ok := fallback(name, manifest); ok {
			own = []facts.Package{p}
		}
	}
	return append(own, nested...), joinErrors(errs)
}

// maxErrors bounds the errors reported for one archive: a damaged one can
// have thousands of bad entries, and the first few tell what is wrong.
const maxErrors = 8

// joinErrors joins the first maxErrors errors and counts the others.
func joinErrors(errs []error) error {
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors], fmt.Errorf("and %d more errors", len(errs)-maxErrors))
	}
	return errors.Join(errs...)
}

// read unpacks the entry f, up to max bytes and within the budget.
func (r *reader) read(f *zip.File, max int64) ([]byte, error) {
	limit := min(max, r.budget)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%q declares %d bytes, over the %d byte limit", f.Name, f.UncompressedSize64, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("opening %q: %w", f.Name, err)
	}
	defer rc.Close()
	// The declared size sizes the buffer, up to 64 KiB so that a false
	// one costs little; the limit holds whatever the entry unpacks to.
	buf := bytes.NewBuffer(make([]byte, 0, min(f.UncompressedSize64, 64<<10)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, limit+1))
	b := buf.Bytes()
	r.budget -= int64(len(b))
	if err != nil {
		return nil, fmt.Errorf("unpacking %q: %w", f.Name, err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%q unpacks to over the %d byte limit", f.Name, limit)
	}
	return b, nil
}

// nested returns the archive stored in the entry f of the archive data.
// Spring Boot stores nested jars uncompressed, so that they can be used in
// place: those are not copied.
func (r *reader) nested(data []byte, f *zip.File) ([]byte, error) {
	if f.Method != zip.Store {
		return r.read(f, maxArchive)
	}
	limit := min(maxArchive, r.budget)
	off, err := f.DataOffset()
	if err != nil {
		return nil, fmt.Errorf("locating %q: %w", f.Name, err)
	}
	size := f.CompressedSize64
	if size > uint64(limit) || size != f.UncompressedSize64 {
		return nil, fmt.Errorf("%q declares %d bytes stored, %d unpacked, over the %d byte limit or inconsistent", f.Name, size, f.UncompressedSize64, limit)
	}
	if off < 0 || uint64(off)+size > uint64(len(data)) {
		return nil, fmt.Errorf("%q ends past the archive", f.Name)
	}
	r.budget -= int64(size)
	return data[off : off+int64(size)], nil
}

// inflate decompresses deflated entries with klauspost/compress, about
// twice as fast as the standard library on the nested jars of a war.
func inflate(r io.Reader) io.ReadCloser { return flate.NewReader(r) }

// isPom reports whether name is META-INF/maven/<group>/<artifact>/pom.properties.
func isPom(name string) bool {
	rest, ok := strings.CutPrefix(name, "META-INF/maven/")
	return ok && path.Base(rest) == "pom.properties" && strings.Count(rest, "/") == 2
}
