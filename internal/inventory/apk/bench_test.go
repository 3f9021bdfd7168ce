package apk

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// BenchmarkExtract parses a database of a few thousand packages made of
// copies of the alpine:3.10.2 one in testdata.
func BenchmarkExtract(b *testing.B) {
	installed, err := os.ReadFile("testdata/installed")
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(installed, 300)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New().Extract(context.Background(), file(installedFile), data); err != nil {
			b.Fatal(err)
		}
	}
}
