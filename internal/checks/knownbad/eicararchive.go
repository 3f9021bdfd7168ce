package knownbad

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"errors"
	"io"

	"github.com/klauspost/compress/gzip"
)

// Bounds of the look into archives: the EICAR distribution archives are a
// few hundred bytes, so only small archives are opened, one level nested.
const (
	maxArchive        = 64 << 10
	maxArchiveEntries = 64
	maxArchiveDepth   = 2
	tarBlock          = 512
)

var (
	zipMagic  = []byte("PK\x03\x04")
	gzipMagic = []byte{0x1f, 0x8b}
)

// inArchive looks for the test file inside a zip, gzip or gzipped tar held
// in data, and returns its name inside the archive.
func (c *eicarCheck) inArchive(data []byte, depth int) (string, bool) {
	if depth >= maxArchiveDepth || len(data) > maxArchive {
		return "", false
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return c.inZip(data, depth)
	case bytes.HasPrefix(data, gzipMagic):
		return c.inGzip(data, depth)
	}
	return "", false
}

func (c *eicarCheck) inZip(data []byte, depth int) (string, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", false
	}
	for i, f := range zr.File {
		if i >= maxArchiveEntries {
			break
		}
		if f.UncompressedSize64 < eicarLen || f.UncompressedSize64 > maxArchive {
			continue
		}
		b, err := readEntry(f)
		if err != nil {
			continue
		}
		if name, ok := c.match(f.Name, b, depth); ok {
			return name, true
		}
	}
	return "", false
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readBounded(rc)
}

// readBounded reads r whole, failing when it holds more than maxArchive bytes.
func readBounded(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxArchive+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxArchive {
		return nil, errors.New("entry too large")
	}
	return b, nil
}

// inGzip decompresses only what it needs: the test file is at most 128
// bytes, and a tar is recognised by its first header, so a compressed
// changelog costs one small read.
func (c *eicarCheck) inGzip(data []byte, depth int) (string, bool) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", false
	}
	defer zr.Close()
	head := make([]byte, tarBlock)
	n, err := io.ReadFull(zr, head)
	head = head[:n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", false
	}
	name := zr.Name
	if name == "" {
		name = "the gzip content"
	}
	if c.is(head) {
		if _, err := zr.Read(make([]byte, 1)); errors.Is(err, io.EOF) {
			return name, true
		}
		return "", false
	}
	if n < tarBlock || !bytes.Equal(head[257:262], []byte("ustar")) {
		return "", false
	}
	rest, err := readBounded(zr)
	if err != nil {
		return "", false
	}
	return c.inTar(append(head, rest...))
}

// inTar looks at the members of a small tar (the content of a .tar.gz).
func (c *eicarCheck) inTar(data []byte) (string, bool) {
	tr := tar.NewReader(bytes.NewReader(data))
	for i := 0; i < maxArchiveEntries; i++ {
		h, err := tr.Next()
		if err != nil {
			return "", false
		}
		if h.Typeflag != tar.TypeReg || h.Size < eicarLen || h.Size > eicarMax {
			continue
		}
		b, err := readBounded(tr)
		if err == nil && c.is(b) {
			return h.Name, true
		}
	}
	return "", false
}

// match reports whether b, a member named name, is the test file or an
// archive holding it.
func (c *eicarCheck) match(name string, b []byte, depth int) (string, bool) {
	if c.is(b) {
		return name, true
	}
	if inner, ok := c.inArchive(b, depth+1); ok {
		return name + " → " + inner, true
	}
	return "", false
}
