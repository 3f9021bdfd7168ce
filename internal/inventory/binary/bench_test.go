package binary

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// BenchmarkStream measures the scan of a 64 MiB executable holding no
// module list, the worst case: every byte is searched.
func BenchmarkStream(b *testing.B) {
	data := fakeELF(64<<20, 0, nil, 7)
	e := &facts.Entry{Path: "bin/x", Size: int64(len(data)), Mode: 0o755}
	s := New()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.Stream(context.Background(), e, bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreamGoBinary measures a real executable without module
// info, the standard library's own objcopy-like worst case with text,
// code and data.
func BenchmarkStreamText(b *testing.B) {
	data := bytes.Repeat([]byte("func main() { x := 0x78; fmt.Println(\"hex\", x) }\n"), 1<<20)
	copy(data, "\x7fELF")
	e := &facts.Entry{Path: "bin/x", Size: int64(len(data)), Mode: 0o755}
	s := New()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.Stream(context.Background(), e, bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreamELF measures a large real executable that is neither Go
// nor Rust, so every byte is searched.
func BenchmarkStreamELF(b *testing.B) {
	data, err := os.ReadFile("/usr/lib/gcc/x86_64-linux-gnu/12/cc1")
	if err != nil {
		b.Skip(err)
	}
	e := &facts.Entry{Path: "bin/x", Size: int64(len(data)), Mode: 0o755}
	s := New()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.Stream(context.Background(), e, bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
