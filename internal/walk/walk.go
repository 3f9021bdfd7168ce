package walk

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

// Version changes whenever the facts the pass produces change, so that
// cached facts from an older pass are not reused.
const Version = 1

// Options bound the pass and say what it must collect.
type Options struct {
	// MaxLayerSize is the largest uncompressed layer accepted, in bytes.
	MaxLayerSize int64
	// MaxBlobSize bounds a blob whose size is not known in advance.
	MaxBlobSize int64
	// MaxEntries is the most tar entries one layer may have.
	MaxEntries int
	// MaxContent is how many bytes of one file the content checks see.
	MaxContent int64
	// Collect says which files' content to keep in the facts (up to
	// MaxCollect bytes each and MaxCollectTotal bytes for the layer).
	Collect         func(e *facts.Entry) bool
	MaxCollect      int64
	MaxCollectTotal int64
	// Content are the checks that read file content.
	Content []check.ContentChecker
	// Inventory reads package metadata; MaxInventory caps what one
	// extractor may ask to hold of one file.
	Inventory    inventory.Set
	MaxInventory int64
}

// DefaultOptions are the limits customs uses unless told otherwise.
func DefaultOptions() Options {
	return Options{
		MaxLayerSize:    16 << 30,
		MaxBlobSize:     16 << 30,
		MaxEntries:      2_000_000,
		MaxContent:      8 << 20,
		MaxCollect:      64 << 10,
		MaxCollectTotal: 32 << 20,
		MaxInventory:    256 << 20,
	}
}

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// Layer reads one layer blob once and returns its facts. Any digest or size
// mismatch, unsafe entry or exceeded limit ends the pass with an error.
func Layer(ctx context.Context, b Blob, opt Options) (*facts.LayerFacts, error) {
	rc, err := b.Open()
	if err != nil {
		return nil, fmt.Errorf("opening blob %s: %w", b.Digest, err)
	}
	defer rc.Close()
	blobLimit := b.Size
	if blobLimit < 0 {
		blobLimit = opt.MaxBlobSize
	}
	stored := newVerifier(rc, blobLimit, "blob")
	br := bufio.NewReaderSize(stored, 256<<10)
	magic, _ := br.Peek(4)

	var raw io.Reader = br
	var closeDecoder func()
	switch {
	case bytes.HasPrefix(magic, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, blame(ctx, stored, b, fmt.Errorf("blob %s: gzip: %w", b.Digest, err))
		}
		raw = zr
	case bytes.HasPrefix(magic, zstdMagic):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30), zstd.WithDecoderMaxWindow(256<<20))
		if err != nil {
			return nil, blame(ctx, stored, b, fmt.Errorf("blob %s: zstd: %w", b.Digest, err))
		}
		closeDecoder = zr.Close
		raw = zr
	}
	if closeDecoder != nil {
		defer closeDecoder()
	}
	tarStream := newVerifier(raw, opt.MaxLayerSize, "uncompressed layer")
	lf, err := readTar(ctx, tarStream, opt)
	if err != nil {
		return nil, blame(ctx, stored, b, err)
	}
	if err := tarStream.check(b.DiffID, -1, "uncompressed layer"); err != nil {
		return nil, blame(ctx, stored, b, err)
	}
	lf.DiffID = b.DiffID.String()
	lf.Size = tarStream.n
	if b.Digest.Hex == "" {
		// The store records no digest for the blob (a legacy docker-archive):
		// the diffID check above is the verification.
		if _, err := io.Copy(io.Discard, stored); err != nil {
			return nil, fmt.Errorf("reading the rest of the blob: %w", err)
		}
		return lf, nil
	}
	if err := stored.check(b.Digest, b.Size, "blob"); err != nil {
		return nil, err
	}
	return lf, nil
}

// blame reports a blob that does not match its digest as what it is, rather
// than the decompression or tar error its corruption caused. The rest of the
// blob is read only when its size is known, to tell the two apart; a limit
// error stands as it is.
func blame(ctx context.Context, stored *verifier, b Blob, err error) error {
	var le *LimitError
	if b.Digest.Hex == "" || b.Size < 0 || ctx.Err() != nil || errors.As(err, &le) {
		return err
	}
	if derr := stored.check(b.Digest, b.Size, "blob"); derr != nil {
		var de *DigestError
		if errors.As(derr, &de) {
			return fmt.Errorf("%w (reading it failed: %v)", derr, err)
		}
	}
	return err
}

func readTar(ctx context.Context, r io.Reader, opt Options) (*facts.LayerFacts, error) {
	lf := &facts.LayerFacts{Files: map[string][]byte{}}
	tr := tar.NewReader(r)
	var buf bytes.Buffer
	var wants []check.ContentChecker
	var readers []inventory.Extractor
	var collected int64
	for n := 0; ; n++ {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return lf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading tar entry %d: %w", n, err)
		}
		if opt.MaxEntries > 0 && n >= opt.MaxEntries {
			return nil, &LimitError{What: "layer", Limit: int64(opt.MaxEntries), Unit: "tar entries"}
		}
		if hdr.Typeflag == tar.TypeXGlobalHeader {
			continue
		}
		p, err := cleanPath(hdr.Name)
		if err != nil {
			return nil, err
		}
		if p == "" {
			continue
		}
		dir, base := path.Split(p)
		if strings.HasPrefix(base, ".wh.") {
			w, err := whiteout(hdr.Name, dir, base)
			if err != nil {
				return nil, err
			}
			lf.Whiteouts = append(lf.Whiteouts, w)
			continue
		}
		e := facts.Entry{Path: p, Type: entryType(hdr.Typeflag), Mode: mode(hdr.Mode), Size: hdr.Size, UID: hdr.Uid, GID: hdr.Gid}
		switch e.Type {
		case facts.TypeHardlink:
			target, err := cleanPath(hdr.Linkname)
			if err != nil || target == "" {
				return nil, &UnsafeError{Entry: hdr.Name, Reason: fmt.Sprintf("hard link to %q leaves the layer root", hdr.Linkname)}
			}
			e.Linkname = target
		case facts.TypeSymlink:
			if len(hdr.Linkname) > maxPathLen {
				return nil, &UnsafeError{Entry: hdr.Name, Reason: "symlink target too long"}
			}
			e.Linkname = hdr.Linkname
		}
		if e.Type != facts.TypeFile {
			e.Size = 0
		}
		lf.Entries = append(lf.Entries, e)
		if e.Type != facts.TypeFile {
			continue
		}
		collect := opt.Collect != nil && e.Size <= opt.MaxCollect && collected+e.Size <= opt.MaxCollectTotal && opt.Collect(&e)
		wants = wants[:0]
		for _, c := range opt.Content {
			if c.Wants(&e) {
				wants = append(wants, c)
			}
		}
		readers = readers[:0]
		limit := opt.MaxContent
		for _, x := range opt.Inventory.Extractors {
			l := min(x.Limit(&e), opt.MaxInventory)
			switch {
			case l <= 0:
				continue
			case e.Size > l:
				lf.InventoryErrors = append(lf.InventoryErrors, fmt.Sprintf("%s: /%s is %d bytes, over the %d byte limit; its packages are not listed", x.Name(), p, e.Size, l))
				continue
			}
			readers = append(readers, x)
			limit = max(limit, e.Size)
		}
		streamer := wantingStreamer(opt.Inventory.Streamers, &e)
		if !collect && len(wants) == 0 && len(readers) == 0 && streamer == nil {
			continue
		}
		if collect && opt.MaxCollect > limit {
			limit = opt.MaxCollect
		}
		buf.Reset()
		if _, err := io.Copy(&buf, io.LimitReader(tr, limit)); err != nil {
			return nil, fmt.Errorf("reading %q: %w", p, err)
		}
		if collect {
			lf.Files[p] = bytes.Clone(buf.Bytes())
			collected += int64(buf.Len())
		}
		content := buf.Bytes()
		if int64(len(content)) > opt.MaxContent {
			content = content[:opt.MaxContent]
		}
		for _, c := range wants {
			fs, err := c.CheckContent(ctx, &e, content)
			if err != nil {
				return nil, fmt.Errorf("check %s on %q: %w", c.Info().ID, p, err)
			}
			lf.Findings = append(lf.Findings, fs...)
		}
		if err := extract(ctx, lf, &e, buf.Bytes(), readers, streamer, tr); err != nil {
			return nil, err
		}
	}
}

func whiteout(name, dir, base string) (facts.Whiteout, error) {
	dir = strings.TrimSuffix(dir, "/")
	if base == ".wh..wh..opq" {
		return facts.Whiteout{Path: dir, Opaque: true}, nil
	}
	target := strings.TrimPrefix(base, ".wh.")
	if target == "" || target == "." || target == ".." {
		return facts.Whiteout{}, &UnsafeError{Entry: name, Reason: "whiteout names no file"}
	}
	if dir == "" {
		return facts.Whiteout{Path: target}, nil
	}
	return facts.Whiteout{Path: dir + "/" + target}, nil
}

func entryType(flag byte) facts.Type {
	switch flag {
	case tar.TypeReg, tar.TypeRegA, tar.TypeCont:
		return facts.TypeFile
	case tar.TypeDir:
		return facts.TypeDir
	case tar.TypeSymlink:
		return facts.TypeSymlink
	case tar.TypeLink:
		return facts.TypeHardlink
	case tar.TypeChar:
		return facts.TypeCharDevice
	case tar.TypeBlock:
		return facts.TypeBlockDevice
	case tar.TypeFifo:
		return facts.TypeFIFO
	}
	return facts.TypeOther
}

// mode converts tar's Unix mode bits to an fs.FileMode with the special bits.
func mode(m int64) fs.FileMode {
	out := fs.FileMode(m & 0o777)
	if m&0o4000 != 0 {
		out |= fs.ModeSetuid
	}
	if m&0o2000 != 0 {
		out |= fs.ModeSetgid
	}
	if m&0o1000 != 0 {
		out |= fs.ModeSticky
	}
	return out
}
