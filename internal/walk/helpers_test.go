package walk

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// ent is one tar entry to write: a header and, for regular files, a body.
type ent struct {
	hdr  tar.Header
	body string
}

func reg(name, body string) ent {
	return ent{hdr: tar.Header{Name: name, Typeflag: tar.TypeReg, Mode: 0o644}, body: body}
}

func withMode(e ent, m int64) ent { e.hdr.Mode = m; return e }

func hdr(name string, flag byte, linkname string) ent {
	return ent{hdr: tar.Header{Name: name, Typeflag: flag, Linkname: linkname, Mode: 0o755}}
}

// tarOf writes entries as a tar in the given format.
func tarOf(t testing.TB, format tar.Format, ents ...ent) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range ents {
		h := e.hdr
		h.Format = format
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(e.body))
		}
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatalf("writing header %q: %v", h.Name, err)
		}
		if _, err := io.WriteString(tw, e.body); err != nil {
			t.Fatalf("writing %q: %v", h.Name, err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sha(b []byte) v1.Hash {
	return v1.Hash{Algorithm: "sha256", Hex: fmt.Sprintf("%x", sha256.Sum256(b))}
}

// blob stores stored bytes whose uncompressed form is raw, with honest
// digests and size.
func blob(stored, raw []byte) Blob {
	return Blob{
		Open:   func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(stored)), nil },
		Digest: sha(stored),
		Size:   int64(len(stored)),
		DiffID: sha(raw),
	}
}

// plain is an uncompressed layer blob of a tar.
func plain(raw []byte) Blob { return blob(raw, raw) }

// testOptions are small limits, so that the tests of limits stay fast.
func testOptions() Options {
	opt := DefaultOptions()
	opt.MaxLayerSize = 1 << 20
	opt.MaxBlobSize = 1 << 20
	opt.MaxEntries = 100
	opt.MaxContent = 64
	opt.MaxCollect = 32
	return opt
}
