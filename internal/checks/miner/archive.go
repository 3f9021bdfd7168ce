package miner

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
)

// Bounds of the archives opened inside a file: how deep archives nest,
// how many bytes all members of one file decompress to and how many
// members are looked at.
const (
	maxDepth        = 2
	maxUnpacked     = 64 << 20
	maxMembers      = 10000
	maxMemberLength = 16 << 20
)

// member is one file found inside an archive: its name joined to the
// archive's with '!' ("app.tar.gz!xmrig-6.16/xmrig") and its leading bytes.
type member struct {
	name string
	data []byte
}

// unpacker walks the archives nested in one content within shared budgets.
type unpacker struct {
	budget  int64
	members int
	visit   func(member) bool
}

// unpack calls visit with each non-archive member of the archive in data,
// opening nested archives down to maxDepth. visit returns false to stop.
// A truncated or corrupt archive ends the walk of that archive: what was
// read before still counts, since a content check sees only the first bytes
// of a large file.
func unpack(data []byte, visit func(member) bool) {
	u := &unpacker{budget: maxUnpacked, visit: visit}
	u.walk("", data, 1)
}

func (u *unpacker) walk(name string, data []byte, depth int) bool {
	switch sniff(data) {
	case formatGzip:
		if depth > maxDepth {
			return true
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return true
		}
		inner, _ := u.read(zr)
		if len(inner) == 0 {
			return true
		}
		if sniff(inner) == formatTar {
			return u.tar(name, inner, depth)
		}
		return u.walk(name, inner, depth+1)
	case formatTar:
		if depth > maxDepth {
			return true
		}
		return u.tar(name, data, depth)
	case formatZip:
		if depth > maxDepth {
			return true
		}
		return u.zip(name, data, depth)
	}
	if name == "" {
		return true
	}
	return u.visit(member{name: name, data: data})
}

// read reads r within the remaining budget and the member limit.
func (u *unpacker) read(r io.Reader) ([]byte, error) {
	limit := min(u.budget, maxMemberLength)
	b, err := io.ReadAll(io.LimitReader(r, limit))
	u.budget -= int64(len(b))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return b, fmt.Errorf("reading archive member: %w", err)
	}
	return b, nil
}

func (u *unpacker) tar(name string, data []byte, depth int) bool {
	tr := tar.NewReader(bytes.NewReader(data))
	for u.budget > 0 && u.members < maxMembers {
		h, err := tr.Next()
		if err != nil {
			return true
		}
		u.members++
		if h.Typeflag != tar.TypeReg && h.Typeflag != tar.TypeRegA {
			continue
		}
		b, _ := u.read(tr)
		if !u.walk(join(name, h.Name), b, depth+1) {
			return false
		}
	}
	return true
}

func (u *unpacker) zip(name string, data []byte, depth int) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return true
	}
	for _, f := range zr.File {
		if u.budget <= 0 || u.members >= maxMembers {
			return true
		}
		u.members++
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, _ := u.read(rc)
		rc.Close()
		if !u.walk(join(name, f.Name), b, depth+1) {
			return false
		}
	}
	return true
}

func join(outer, inner string) string {
	inner = path.Clean("/" + inner)[1:]
	if outer == "" {
		return inner
	}
	return outer + "!" + inner
}
