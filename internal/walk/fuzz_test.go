package walk

import (
	"archive/tar"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
)

// bounded is a content check that wants every file and fails the fuzz run
// when it is shown more than the limit.
type bounded struct {
	t     *testing.T
	limit int64
}

func (b bounded) Info() check.Info {
	return check.Info{ID: "test/bounded", Version: 1, Title: "bounded", Item: report.ItemLookInside}
}
func (b bounded) Wants(*facts.Entry) bool { return true }
func (b bounded) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if int64(len(data)) > b.limit {
		b.t.Errorf("content check shown %d bytes of %q, over the limit of %d", len(data), e.Path, b.limit)
	}
	return nil, nil
}

// uncompressed returns what the pass should hash as the diffID of stored:
// its decompressed bytes when it is gzip or zstd and decompresses within
// limit, else the bytes themselves.
func uncompressed(stored []byte, limit int64) []byte {
	var r io.Reader
	switch {
	case bytes.HasPrefix(stored, gzipMagic):
		zr, err := gzip.NewReader(bytes.NewReader(stored))
		if err != nil {
			return stored
		}
		r = zr
	case bytes.HasPrefix(stored, zstdMagic):
		zr, err := zstd.NewReader(bytes.NewReader(stored), zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<24), zstd.WithDecoderMaxWindow(1<<22))
		if err != nil {
			return stored
		}
		defer zr.Close()
		r = zr
	default:
		return stored
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return stored
	}
	return b
}

// FuzzLayer feeds arbitrary bytes to the pass as a layer blob. It must never
// panic, must stop within its limits, and whatever it accepts must be facts
// that later stages can trust: clean relative paths and bounded content.
func FuzzLayer(f *testing.F) {
	seeds := [][]byte{
		tarOf(f, tar.FormatPAX, hdr("etc/", tar.TypeDir, ""), reg("etc/passwd", "root:x:0:0::/root:/bin/sh\n"), hdr("bin", tar.TypeSymlink, "usr/bin")),
		tarOf(f, tar.FormatGNU, reg(strings.Repeat("d/", 80)+"f", "x"), hdr("h", tar.TypeLink, "/etc/passwd")),
		tarOf(f, tar.FormatUSTAR, reg(".wh.a", ""), reg("d/.wh..wh..opq", ""), withMode(reg("tmp/.x/sh", "#!"), 0o4755)),
		tarOf(f, tar.FormatPAX, reg("../escape", "x")),
		tarOf(f, tar.FormatPAX, hdr("dev/sda", tar.TypeBlock, ""), hdr("fifo", tar.TypeFifo, "")),
		{},
		[]byte("not a tar at all"),
	}
	seeds = append(seeds, imagetest.Gzip(f, seeds[0]), imagetest.Zstd(f, seeds[1]), seeds[0][:700])
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := Options{
			MaxLayerSize: 1 << 20,
			MaxBlobSize:  1 << 20,
			MaxEntries:   64,
			MaxContent:   256,
			MaxCollect:   128,
			Collect:      func(e *facts.Entry) bool { return strings.HasPrefix(e.Path, "etc/") },
		}
		opt.Content = []check.ContentChecker{bounded{t: t, limit: opt.MaxContent}}
		b := blob(data, uncompressed(data, opt.MaxLayerSize))
		lf, err := Layer(context.Background(), b, opt)
		if err != nil {
			return
		}
		if n := len(lf.Entries) + len(lf.Whiteouts); n > opt.MaxEntries {
			t.Errorf("%d entries accepted, over the limit of %d", n, opt.MaxEntries)
		}
		if lf.Size > opt.MaxLayerSize {
			t.Errorf("layer of %d bytes accepted, over the limit of %d", lf.Size, opt.MaxLayerSize)
		}
		for _, e := range lf.Entries {
			if !isClean(e.Path) || e.Path == "" {
				t.Errorf("entry path %q is not clean", e.Path)
			}
			if e.Type != facts.TypeFile && e.Size != 0 {
				t.Errorf("%s %q has size %d", e.Type, e.Path, e.Size)
			}
			if e.Type == facts.TypeHardlink && (!isClean(e.Linkname) || e.Linkname == "") {
				t.Errorf("hard link %q to %q is not clean", e.Path, e.Linkname)
			}
			if len(e.Linkname) > maxPathLen {
				t.Errorf("link %q target of %d bytes", e.Path, len(e.Linkname))
			}
		}
		for _, w := range lf.Whiteouts {
			if !isClean(w.Path) || (w.Path == "" && !w.Opaque) {
				t.Errorf("whiteout path %q is not clean", w.Path)
			}
		}
		for p, c := range lf.Files {
			if int64(len(c)) > opt.MaxCollect || !opt.Collect(&facts.Entry{Path: p}) {
				t.Errorf("collected %d bytes of %q", len(c), p)
			}
		}
	})
}

// isClean reports whether p is what cleanPath makes of a name.
func isClean(p string) bool {
	c, err := cleanPath(p)
	return err == nil && c == p
}
