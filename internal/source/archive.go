package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// archiveManifest is one entry of a docker-archive's manifest.json.
type archiveManifest struct {
	Config   string
	RepoTags []string
	Layers   []string
}

// openArchive opens a `docker save` tarball, plain or compressed. A compressed
// archive is first decompressed, bounded, into customs' private temp dir,
// because its layers are read in parallel.
func openArchive(ctx context.Context, path string, opt Options) (*Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening docker-archive: %w", err)
	}
	out := &Image{}
	out.closers = append(out.closers, f.Close)
	tarFile, err := uncompressedArchive(ctx, f, opt, out)
	if err != nil {
		out.Close()
		return nil, fmt.Errorf("docker-archive %q: %w", path, err)
	}
	if err := readArchive(tarFile, "", out); err != nil {
		out.Close()
		return nil, fmt.Errorf("docker-archive %q: %w", path, err)
	}
	return out, nil
}

// uncompressedArchive returns f itself when it is a plain tar, or a temp copy
// of its decompressed content otherwise.
func uncompressedArchive(ctx context.Context, f *os.File, opt Options, out *Image) (*os.File, error) {
	br := bufio.NewReader(f)
	magic, _ := br.Peek(4)
	var dec io.Reader
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		dec = zr
	case bytes.HasPrefix(magic, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return nil, fmt.Errorf("zstd: %w", err)
		}
		defer zr.Close()
		dec = zr
	default:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		return f, nil
	}
	dir, err := opt.tempDir()
	if err != nil {
		return nil, err
	}
	out.closers = append(out.closers, func() error { return os.RemoveAll(dir) })
	tmp, err := os.Create(filepath.Join(dir, "archive.tar"))
	if err != nil {
		return nil, err
	}
	out.closers = append(out.closers, tmp.Close)
	max := opt.MaxArchiveSize
	if max <= 0 {
		max = 64 << 30
	}
	n, err := io.Copy(tmp, io.LimitReader(ctxReader{ctx, dec}, max+1))
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	if n > max {
		return nil, fmt.Errorf("decompressed archive is larger than the limit of %d bytes", max)
	}
	return tmp, nil
}

// readArchive reads manifest.json and the config of the image named want (or
// the only image) from an uncompressed docker-archive.
func readArchive(f *os.File, want string, out *Image) error {
	idx, err := indexTar(f)
	if err != nil {
		return err
	}
	raw, err := idx.read("manifest.json", maxManifestSize)
	if err != nil {
		return fmt.Errorf("not a docker-archive: %w", err)
	}
	var ms []archiveManifest
	if err := json.Unmarshal(raw, &ms); err != nil {
		return fmt.Errorf("parsing manifest.json: %w", err)
	}
	m, err := pickArchiveImage(ms, want)
	if err != nil {
		return err
	}
	rawCfg, err := idx.read(m.Config, maxConfigSize)
	if err != nil {
		return fmt.Errorf("reading config: %w", err)
	}
	cfgDigest := v1.Hash{Algorithm: "sha256", Hex: fmt.Sprintf("%x", sha256Sum(rawCfg))}
	if h, ok := digestFromPath(m.Config); ok && h != cfgDigest {
		return fmt.Errorf("config %q digest mismatch: got %s", m.Config, cfgDigest)
	}
	cfg, err := parseConfig(rawCfg)
	if err != nil {
		return err
	}
	if len(cfg.RootFS.DiffIDs) != len(m.Layers) {
		return fmt.Errorf("manifest.json lists %d layers but the config has %d diffIDs", len(m.Layers), len(cfg.RootFS.DiffIDs))
	}
	out.Config = cfg
	out.ConfigID = cfgDigest.String()
	out.Ref.RepoTags = m.RepoTags
	out.MediaType = "application/vnd.docker.container.image.v1+json"
	out.Platform = configPlatform(cfg)
	for i, name := range m.Layers {
		sr, err := idx.open(name)
		if err != nil {
			return fmt.Errorf("layer %d: %w", i, err)
		}
		l := Layer{DiffID: cfg.RootFS.DiffIDs[i], Size: sr.Size()}
		if h, ok := digestFromPath(name); ok {
			l.Digest = h
		}
		l.Open = func() (io.ReadCloser, error) { return io.NopCloser(io.NewSectionReader(sr, 0, sr.Size())), nil }
		out.Layers = append(out.Layers, l)
	}
	return nil
}

func pickArchiveImage(ms []archiveManifest, want string) (archiveManifest, error) {
	if len(ms) == 0 {
		return archiveManifest{}, fmt.Errorf("manifest.json lists no image")
	}
	if want == "" {
		if len(ms) > 1 {
			return archiveManifest{}, fmt.Errorf("archive holds %d images; the engine source names one", len(ms))
		}
		return ms[0], nil
	}
	for _, m := range ms {
		for _, t := range m.RepoTags {
			if t == want {
				return m, nil
			}
		}
	}
	return ms[0], nil
}

// digestFromPath recognises OCI-style blob paths (blobs/sha256/HEX) and
// legacy config names (HEX.json), whose names are their digests.
func digestFromPath(p string) (v1.Hash, bool) {
	base := filepath.Base(p)
	base = strings.TrimSuffix(base, ".json")
	if strings.HasPrefix(p, "blobs/sha256/") || strings.HasSuffix(p, ".json") {
		if len(base) == 64 && isHex(base) {
			return v1.Hash{Algorithm: "sha256", Hex: base}, true
		}
	}
	return v1.Hash{}, false
}

func isHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// ctxReader stops a long copy when the context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
