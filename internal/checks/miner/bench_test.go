package miner

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

type benchFile struct {
	e    facts.Entry
	data []byte
}

// benchMix reads a realistic mix from this machine: the executables of
// /usr/bin, the configuration of /etc and the JavaScript of the installed
// npm (node_modules), about 80 MB, each file as the layer pass sees it.
func benchMix(b *testing.B) []benchFile {
	var out []benchFile
	total := 0
	for _, root := range []string{"/usr/bin", "/etc", "/usr/lib/node_modules", "/usr/share/perl5"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || total > 80<<20 {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			data = data[:min(len(data), 8<<20)]
			total += len(data)
			out = append(out, benchFile{e: facts.Entry{Path: strings.TrimPrefix(p, "/"), Type: facts.TypeFile, Mode: info.Mode().Perm(), Size: info.Size()}, data: data})
			return nil
		})
	}
	if total < 1<<20 {
		b.Skip("too little content on this machine")
	}
	return out
}

func mixSize(files []benchFile) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.data))
	}
	return n
}

// BenchmarkContent measures all miner content checks over the mix, in MB
// of the whole mix per second (files no check wants count as well, as
// they do in a layer).
func BenchmarkContent(b *testing.B) {
	files := benchMix(b)
	var ccs []check.ContentChecker
	for _, ctor := range Checks() {
		if cc, ok := ctor().(check.ContentChecker); ok {
			ccs = append(ccs, cc)
		}
	}
	b.SetBytes(mixSize(files))
	ctx := context.Background()
	for b.Loop() {
		for i := range files {
			f := &files[i]
			for _, cc := range ccs {
				if cc.Wants(&f.e) {
					if _, err := cc.CheckContent(ctx, &f.e, f.data); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	}
}

// BenchmarkGunzip is the baseline: decompressing the same mix as one
// gzip layer, which every scan does anyway.
func BenchmarkGunzip(b *testing.B) {
	files := benchMix(b)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for _, f := range files {
		zw.Write(f.data)
	}
	zw.Close()
	b.SetBytes(mixSize(files))
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			b.Fatal(err)
		}
	}
}
