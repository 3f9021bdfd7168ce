// Package walk is the single pass over a layer: it reads the blob once,
// verifies its digests and size, decompresses it, and turns its tar entries
// into facts, handing file content to the checks that asked for it. Nothing is
// ever written to disk and every size is bounded.
package walk

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// Blob is a layer as stored: a way to open its bytes and what they must hash to.
type Blob struct {
	// Open returns the stored bytes, compressed or not.
	Open func() (io.ReadCloser, error)
	// Digest is what the bytes Open returns must hash to.
	Digest v1.Hash
	// Size is the number of bytes Open must return, or -1 when unknown.
	Size int64
	// DiffID is what the uncompressed tar must hash to.
	DiffID v1.Hash
}

// DigestError reports content that does not match its digest or size.
type DigestError struct {
	What      string // "blob" or "uncompressed layer"
	Want, Got string
}

func (e *DigestError) Error() string {
	return fmt.Sprintf("%s digest mismatch: want %s, got %s", e.What, e.Want, e.Got)
}

// verifier hashes and counts everything read through it.
type verifier struct {
	r     io.Reader
	h     hash.Hash
	n     int64
	limit int64 // error once more than limit bytes are read; <0 for none
	what  string
}

func newVerifier(r io.Reader, limit int64, what string) *verifier {
	return &verifier{r: r, h: sha256.New(), limit: limit, what: what}
}

func (v *verifier) Read(p []byte) (int, error) {
	if v.limit >= 0 && int64(len(p)) > v.limit-v.n+1 {
		p = p[:v.limit-v.n+1]
	}
	n, err := v.r.Read(p)
	v.n += int64(n)
	v.h.Write(p[:n])
	if v.limit >= 0 && v.n > v.limit {
		return n, &LimitError{What: v.what, Limit: v.limit}
	}
	return n, err
}

func (v *verifier) check(want v1.Hash, wantSize int64, what string) error {
	if _, err := io.Copy(io.Discard, v); err != nil {
		return fmt.Errorf("reading the rest of the %s: %w", what, err)
	}
	if wantSize >= 0 && v.n != wantSize {
		return &DigestError{What: what + " size", Want: fmt.Sprint(wantSize), Got: fmt.Sprint(v.n)}
	}
	if want.Algorithm != "sha256" {
		return fmt.Errorf("%s: unsupported digest algorithm %q", what, want.Algorithm)
	}
	got := fmt.Sprintf("%x", v.h.Sum(nil))
	if got != want.Hex {
		return &DigestError{What: what, Want: want.String(), Got: "sha256:" + got}
	}
	return nil
}

// LimitError reports input larger than customs accepts.
type LimitError struct {
	What  string
	Limit int64
	// Unit is what Limit counts; empty means bytes.
	Unit string
}

func (e *LimitError) Error() string {
	if e.Unit != "" {
		return fmt.Sprintf("%s has more than the limit of %d %s", e.What, e.Limit, e.Unit)
	}
	return fmt.Sprintf("%s is larger than the limit of %d bytes (a decompression bomb or a lying size?)", e.What, e.Limit)
}
