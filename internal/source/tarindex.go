package source

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// maxArchiveEntries bounds the entries of a docker-archive: one per layer,
// config and metadata file, so a few thousand is already generous.
const maxArchiveEntries = 100_000

// tarIndex maps the regular files of an uncompressed tar file to their
// position, so that each can be read without unpacking the archive.
type tarIndex struct {
	f     *os.File
	files map[string]section
}

type section struct{ off, size int64 }

// indexTar reads the headers of a tar file once, skipping content by seeking.
func indexTar(f *os.File) (*tarIndex, error) {
	idx := &tarIndex{f: f, files: map[string]section{}}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewinding archive: %w", err)
	}
	tr := tar.NewReader(f)
	for n := 0; ; n++ {
		if n >= maxArchiveEntries {
			return nil, fmt.Errorf("archive has more than %d entries", maxArchiveEntries)
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return idx, nil
		}
		if err != nil && n == 0 {
			return nil, fmt.Errorf("not a docker-archive: not a tar file: %w", err)
		}
		if err != nil {
			return nil, fmt.Errorf("reading archive entry %d: %w", n, err)
		}
		if hdr.Typeflag != tar.TypeReg && hdr.Typeflag != tar.TypeRegA {
			continue
		}
		name, ok := archiveName(hdr.Name)
		if !ok {
			return nil, fmt.Errorf("archive entry %q leaves the archive root", hdr.Name)
		}
		off, err := f.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, fmt.Errorf("locating archive entry %q: %w", hdr.Name, err)
		}
		idx.files[name] = section{off: off, size: hdr.Size}
	}
}

// archiveName cleans a name inside the archive; names that climb out of it
// are refused, so a manifest can never point outside the archive.
func archiveName(name string) (string, bool) {
	c := path.Clean("/" + name)
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return "", false
		}
	}
	return strings.TrimPrefix(c, "/"), c != "/"
}

// open returns a reader over one file of the archive.
func (t *tarIndex) open(name string) (*io.SectionReader, error) {
	clean, ok := archiveName(name)
	if !ok {
		return nil, fmt.Errorf("archive path %q leaves the archive root", name)
	}
	s, ok := t.files[clean]
	if !ok {
		return nil, fmt.Errorf("archive has no file %q", name)
	}
	return io.NewSectionReader(t.f, s.off, s.size), nil
}

// read returns a whole small file of the archive, bounded by max.
func (t *tarIndex) read(name string, max int64) ([]byte, error) {
	r, err := t.open(name)
	if err != nil {
		return nil, err
	}
	if r.Size() > max {
		return nil, fmt.Errorf("archive file %q is %d bytes, larger than the limit of %d", name, r.Size(), max)
	}
	return readLimited(r, max, fmt.Sprintf("archive file %q", name))
}
