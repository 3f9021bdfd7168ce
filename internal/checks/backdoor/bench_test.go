package backdoor

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// benchFile is one file of the benchmark mix and where it lives.
type benchFile struct {
	path string
	data []byte
}

// benchMix is a realistic mix of the files the script scan reads: the
// distribution's start-up hooks and scripts of testdata/ordinary, and
// program source of the size and vocabulary of Python and shell libraries
// (sockets, URLs, base64), taken from the Go standard library's net/http.
func benchMix(b *testing.B) ([]benchFile, int64) {
	b.Helper()
	var out []benchFile
	var total int64
	add := func(p string, data []byte) {
		out = append(out, benchFile{p, data})
		total += int64(len(data))
	}
	for name, p := range ordinaryPaths {
		data, err := os.ReadFile(filepath.Join("testdata/ordinary", name))
		if err != nil {
			b.Fatal(err)
		}
		add(p, data)
	}
	src, _ := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", "net", "http", "*.go"))
	for _, f := range src {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		add("usr/lib/python3/dist-packages/app/"+filepath.Base(f)+".py", data)
	}
	if total == 0 {
		b.Skip("no benchmark input")
	}
	return out, total
}

// BenchmarkScriptScan measures the content checks of the family over the
// mix, in bytes of content per second.
func BenchmarkScriptScan(b *testing.B) {
	files, total := benchMix(b)
	scan := &scriptScan{eng: newEngine()}
	keys, accts := keysCheck{}, accountsCheck{}
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		for _, f := range files {
			e := &facts.Entry{Path: f.path, Type: facts.TypeFile, Size: int64(len(f.data)), Mode: 0o644}
			if scan.Wants(e) {
				if _, err := scan.CheckContent(context.Background(), e, f.data); err != nil {
					b.Fatal(err)
				}
			}
			if keys.Wants(e) {
				if _, err := keys.CheckContent(context.Background(), e, f.data); err != nil {
					b.Fatal(err)
				}
			}
			if accts.Wants(e) {
				if _, err := accts.CheckContent(context.Background(), e, f.data); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkGunzipMix is the baseline: decompressing the same bytes, as the
// layer pass does whether or not a check reads them.
func BenchmarkGunzipMix(b *testing.B) {
	files, total := benchMix(b)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for _, f := range files {
		zw.Write(f.data)
	}
	zw.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		zr, err := gzip.NewReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			b.Fatal(err)
		}
	}
}
