package knownbad

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the embedded .gz copies of data/*.tsv")

// embedded pairs each source list with its embedded compressed copy.
var embedded = []struct {
	name string
	gz   []byte
}{
	{"known-malicious-images.tsv", imagesGz},
	{"hashes.tsv", hashesGz},
}

// TestEmbeddedData checks that the embedded copies hold exactly the source
// lists, so an edit of data/*.tsv cannot be forgotten in the binary.
func TestEmbeddedData(t *testing.T) {
	for _, e := range embedded {
		src, err := os.ReadFile(filepath.Join("data", e.name))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(src)
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("data", e.name+".gz"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := gunzip(e.name, e.gz)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, src) {
			t.Errorf("data/%s.gz is stale: run go test ./internal/checks/knownbad -run TestEmbeddedData -update", e.name)
		}
	}
}

// mustGunzip returns an embedded list for a test.
func mustGunzip(t testing.TB, name string, gz []byte) []byte {
	t.Helper()
	b, err := gunzip(name, gz)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
