package dpkg

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// BenchmarkExtract parses a status file of a few thousand packages made
// of copies of the real stanzas in testdata.
func BenchmarkExtract(b *testing.B) {
	status, err := os.ReadFile("testdata/status")
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(append(status, '\n'), 1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New().Extract(context.Background(), file(statusFile), data); err != nil {
			b.Fatal(err)
		}
	}
}
