package walk

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/gzip"
)

// benchBlob builds a gzip layer of n files of size bytes each.
func benchBlob(b *testing.B, n, size int) Blob {
	b.Helper()
	var tarBuf bytes.Buffer
	tw := tar.NewWriter(&tarBuf)
	content := bytes.Repeat([]byte("customs benchmark content line\n"), size/31+1)[:size]
	for i := range n {
		if err := tw.WriteHeader(&tar.Header{Name: fmt.Sprintf("usr/share/doc/pkg%d/file%d.txt", i%100, i), Mode: 0o644, Size: int64(size), Typeflag: tar.TypeReg}); err != nil {
			b.Fatal(err)
		}
		tw.Write(content)
	}
	tw.Close()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(tarBuf.Bytes())
	zw.Close()
	blob := gz.Bytes()
	return Blob{
		Open:   func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(blob)), nil },
		Digest: v1.Hash{Algorithm: "sha256", Hex: fmt.Sprintf("%x", sha256.Sum256(blob))},
		Size:   int64(len(blob)),
		DiffID: v1.Hash{Algorithm: "sha256", Hex: fmt.Sprintf("%x", sha256.Sum256(tarBuf.Bytes()))},
	}
}

// BenchmarkLayer measures the whole pass over a layer: verify, decompress,
// parse, per uncompressed byte.
func BenchmarkLayer(b *testing.B) {
	for _, tc := range []struct {
		name    string
		n, size int
	}{
		{"small-files", 20000, 1 << 10},
		{"large-files", 64, 1 << 20},
	} {
		b.Run(tc.name, func(b *testing.B) {
			blob := benchBlob(b, tc.n, tc.size)
			b.SetBytes(int64(tc.n * tc.size))
			b.ResetTimer()
			for range b.N {
				if _, err := Layer(context.Background(), blob, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
