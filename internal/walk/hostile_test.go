package walk

import (
	"archive/tar"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/gzip"

	"github.com/customs-oss/customs/internal/imagetest"
)

// TestLayerHostile: archives and blobs built to escape the root, exhaust
// memory or time, or pass off other content. Each must end in the right kind
// of error.
func TestLayerHostile(t *testing.T) {
	good := tarOf(t, tar.FormatPAX, reg("etc/passwd", "root:x:0:0::/root:/bin/sh\n"))
	many := func(n int) []byte {
		var ents []ent
		for i := range n {
			ents = append(ents, reg(fmt.Sprintf("f%d", i), ""))
		}
		return tarOf(t, tar.FormatPAX, ents...)
	}
	for _, tc := range []struct {
		name string
		blob func(t *testing.T) Blob
		opt  func(*Options)
		want string // errKind of the expected error
	}{
		{"dot-dot escape", tarBlob(reg("../etc/passwd", "x")), nil, "unsafe"},
		{"dot-dot after an absolute name", tarBlob(reg("/../../etc/passwd", "x")), nil, "unsafe"},
		{"dot-dot deep inside", tarBlob(reg("usr/../../../etc/cron.d/x", "x")), nil, "unsafe"},
		{"dot-dot that stays inside", tarBlob(reg("usr/../etc/passwd", "x")), nil, "unsafe"},
		{"directory named dot-dot", tarBlob(hdr("a/../", tar.TypeDir, "")), nil, "unsafe"},
		{"hard link above the root", tarBlob(hdr("etc/shadow", tar.TypeLink, "../../etc/shadow")), nil, "unsafe"},
		{"hard link to the root", tarBlob(hdr("root", tar.TypeLink, "/")), nil, "unsafe"},
		{"hard link to nothing", tarBlob(hdr("empty", tar.TypeLink, "")), nil, "unsafe"},
		{"whiteout of dot-dot", tarBlob(reg("etc/.wh...", "")), nil, "unsafe"},
		{"whiteout of dot", tarBlob(reg("etc/.wh..", "")), nil, "unsafe"},
		{"whiteout of nothing", tarBlob(reg(".wh.", "")), nil, "unsafe"},
		{"name over the path limit", tarBlob(reg(strings.Repeat("n", maxPathLen+1), "")), nil, "unsafe"},
		{"symlink target over the path limit", tarBlob(hdr("l", tar.TypeSymlink, strings.Repeat("t", maxPathLen+1))), nil, "unsafe"},
		{"PAX path with a dot-dot", func(t *testing.T) Blob { return plain(paxHeader(t, "path", "../../etc/passwd")) }, nil, "unsafe"},
		{"PAX path over the path limit", func(t *testing.T) Blob {
			return plain(paxHeader(t, "path", strings.Repeat("p/", maxPathLen)))
		}, nil, "unsafe"},
		{"entries at the limit", func(t *testing.T) Blob { return plain(many(10)) }, func(o *Options) { o.MaxEntries = 10 }, "none"},
		{"entries over the limit", func(t *testing.T) Blob { return plain(many(11)) }, func(o *Options) { o.MaxEntries = 10 }, "limit"},
		{"layer over the size limit", func(t *testing.T) Blob {
			return plain(tarOf(t, tar.FormatPAX, reg("big", strings.Repeat("x", 4096))))
		}, func(o *Options) { o.MaxLayerSize = 4096 }, "limit"},
		{"gzip bomb", func(t *testing.T) Blob {
			raw := tarOf(t, tar.FormatPAX, reg("zeros", strings.Repeat("\x00", 8<<20)))
			return blob(imagetest.Gzip(t, raw), raw)
		}, nil, "limit"},
		{"zstd bomb", func(t *testing.T) Blob {
			raw := tarOf(t, tar.FormatPAX, reg("zeros", strings.Repeat("\x00", 8<<20)))
			return blob(imagetest.Zstd(t, raw), raw)
		}, nil, "limit"},
		{"blob digest lies", func(t *testing.T) Blob {
			b := plain(good)
			b.Digest = sha([]byte("something else"))
			return b
		}, nil, "digest"},
		{"diffID lies", func(t *testing.T) Blob {
			z := imagetest.Gzip(t, good)
			b := blob(z, good)
			b.DiffID = sha(z)
			return b
		}, nil, "digest"},
		{"size smaller than the blob", func(t *testing.T) Blob {
			b := plain(good)
			b.Size = 512
			return b
		}, nil, "limit"},
		{"size larger than the blob", func(t *testing.T) Blob {
			b := plain(good)
			b.Size++
			return b
		}, nil, "digest"},
		{"unknown size over the blob limit", func(t *testing.T) Blob {
			b := plain(good)
			b.Size = -1
			return b
		}, func(o *Options) { o.MaxBlobSize = 1024 }, "limit"},
		{"unsupported digest algorithm", func(t *testing.T) Blob {
			b := plain(good)
			b.Digest = v1.Hash{Algorithm: "md5", Hex: "00"}
			return b
		}, nil, "other"},
		{"data after the end of the archive", func(t *testing.T) Blob {
			stored := append(append([]byte{}, good...), []byte("smuggled bytes")...)
			b := plain(stored)
			b.DiffID = sha(good)
			return b
		}, nil, "digest"},
		{"data after the end of the archive, in the diffID", func(t *testing.T) Blob {
			return plain(append(append([]byte{}, good...), make([]byte, 4096)...))
		}, nil, "none"},
		{"truncated tar header", func(t *testing.T) Blob { return plain(good[:100]) }, nil, "other"},
		{"truncated tar content", func(t *testing.T) Blob { return plain(good[:520]) }, nil, "other"},
		{"truncated gzip", func(t *testing.T) Blob {
			z := imagetest.Gzip(t, good)
			return blob(z[:len(z)/2], good)
		}, nil, "other"},
		{"corrupt gzip header", func(t *testing.T) Blob {
			z := imagetest.Gzip(t, good)
			z[3] = 0xff // reserved flag bits
			return blob(z, good)
		}, nil, "other"},
		{"not a tar", func(t *testing.T) Blob { return plain(bytes.Repeat([]byte("not a tar "), 100)) }, nil, "other"},
		{"empty blob", func(t *testing.T) Blob { return plain(nil) }, nil, "none"},
		{"no blob digest: the diffID is the check", func(t *testing.T) Blob {
			b := blob(imagetest.Gzip(t, good), good)
			b.Digest = v1.Hash{}
			return b
		}, nil, "none"},
		{"no blob digest and a lying diffID", func(t *testing.T) Blob {
			b := blob(imagetest.Gzip(t, good), good)
			b.Digest, b.DiffID = v1.Hash{}, sha(nil)
			return b
		}, nil, "digest"},
		{"blob that cannot be opened", func(t *testing.T) Blob {
			b := plain(good)
			b.Open = func() (io.ReadCloser, error) { return nil, fmt.Errorf("registry went away") }
			return b
		}, nil, "other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := testOptions()
			opt.MaxLayerSize = 4 << 20
			if tc.opt != nil {
				tc.opt(&opt)
			}
			_, err := Layer(context.Background(), tc.blob(t), opt)
			if got := errKind(err); got != tc.want {
				t.Errorf("error %v is %q, want %q", err, got, tc.want)
			}
		})
	}
}

func tarBlob(ents ...ent) func(t *testing.T) Blob {
	return func(t *testing.T) Blob { return plain(tarOf(t, tar.FormatPAX, ents...)) }
}

// endlessGzip is a gzip stream of a tar whose one file never ends. Close
// stops the writer.
func endlessGzip() io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		zw := gzip.NewWriter(pw)
		tw := tar.NewWriter(zw)
		if err := tw.WriteHeader(&tar.Header{Name: "forever", Typeflag: tar.TypeReg, Size: 1 << 50, Mode: 0o644}); err != nil {
			pw.CloseWithError(err)
			return
		}
		zeros := make([]byte, 1<<16)
		for {
			if _, err := tw.Write(zeros); err != nil {
				pw.CloseWithError(err)
				return
			}
		}
	}()
	return pr
}

// TestLayerEndlessStream: a blob of unknown size that decompresses forever
// ends at the layer size limit instead of running on.
func TestLayerEndlessStream(t *testing.T) {
	opt := testOptions()
	opt.MaxLayerSize = 8 << 20
	opt.MaxBlobSize = 1 << 40
	b := Blob{Open: func() (io.ReadCloser, error) { return endlessGzip(), nil }, Digest: sha(nil), Size: -1, DiffID: sha(nil)}
	done := make(chan error, 1)
	go func() {
		_, err := Layer(context.Background(), b, opt)
		done <- err
	}()
	select {
	case err := <-done:
		if errKind(err) != "limit" {
			t.Errorf("error %v, want a limit error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the pass over an endless layer did not stop")
	}
}

// TestLayerOversizedPAX: extended headers are bounded by the tar reader, far
// below the layer size limit.
func TestLayerOversizedPAX(t *testing.T) {
	opt := testOptions()
	opt.MaxLayerSize = 16 << 20
	_, err := Layer(context.Background(), plain(paxHeader(t, "comment", strings.Repeat("x", 2<<20))), opt)
	if err == nil || !strings.Contains(err.Error(), "header field too long") {
		t.Errorf("error %v, want the tar reader's header field limit", err)
	}
}

// TestLayerCanceled: a canceled context stops the pass.
func TestLayerCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Layer(ctx, plain(tarOf(t, tar.FormatPAX, reg("a", "b"))), testOptions())
	if errKind(err) != "canceled" {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestLayerErrorsNameTheEntry: a person must be able to find the bad entry.
func TestLayerErrorsNameTheEntry(t *testing.T) {
	_, err := Layer(context.Background(), tarBlob(reg("usr/../../etc/cron.d/evil", "x"))(t), testOptions())
	if err == nil || !strings.Contains(err.Error(), `"usr/../../etc/cron.d/evil"`) {
		t.Errorf("error %v does not name the entry", err)
	}
}

// paxHeader writes by hand a tar whose first entry is a PAX extended header
// holding one record, followed by a file the record applies to. The tar
// writer refuses to write records as large as the hostile ones.
func paxHeader(t *testing.T, key, value string) []byte {
	t.Helper()
	rec := fmt.Sprintf(" %s=%s\n", key, value)
	size := len(rec)
	for {
		n := len(fmt.Sprint(size+len(fmt.Sprint(size)))) + len(rec)
		if n == size {
			break
		}
		size = n
	}
	rec = fmt.Sprint(size) + rec
	raw := tarOf(t, tar.FormatUSTAR, reg("PaxHeaders/a", rec), reg("a", ""))
	raw[156] = tar.TypeXHeader
	copy(raw[148:156], "        ")
	sum := 0
	for _, c := range raw[:512] {
		sum += int(c)
	}
	copy(raw[148:156], fmt.Sprintf("%06o\x00 ", sum))
	return raw
}

// TestLimitErrorMessage: the error says what was over which limit, in the
// right unit.
func TestLimitErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  *LimitError
		want string
	}{
		{&LimitError{What: "uncompressed layer", Limit: 1024}, "uncompressed layer is larger than the limit of 1024 bytes (a decompression bomb or a lying size?)"},
		{&LimitError{What: "layer", Limit: 10, Unit: "tar entries"}, "layer has more than the limit of 10 tar entries"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
