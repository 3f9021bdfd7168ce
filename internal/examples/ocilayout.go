// Package examples builds the images customs demonstrates itself on and
// benchmarks itself with, deterministically, as OCI layouts: a clean image, an
// image with many problems, and a large image of ordinary files.
package examples

import (
	"archive/tar"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/klauspost/compress/gzip"
)

// Epoch is the timestamp of every entry and history step.
var Epoch = time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)

// layoutWriter writes blobs of one OCI layout, hashing them as they stream.
type layoutWriter struct {
	dir string
}

func newLayout(dir string) (*layoutWriter, error) {
	if err := os.MkdirAll(filepath.Join(dir, "blobs", "sha256"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "oci-layout"), []byte(`{"imageLayoutVersion":"1.0.0"}`), 0o644); err != nil {
		return nil, err
	}
	return &layoutWriter{dir: dir}, nil
}

// descriptor is an OCI content descriptor.
type descriptor struct {
	MediaType   string            `json:"mediaType"`
	Digest      string            `json:"digest"`
	Size        int64             `json:"size"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// writeBlob stores b and returns its descriptor.
func (l *layoutWriter) writeBlob(mediaType string, b []byte) (descriptor, error) {
	d := descriptor{MediaType: mediaType, Digest: fmt.Sprintf("sha256:%x", sha256.Sum256(b)), Size: int64(len(b))}
	return d, os.WriteFile(filepath.Join(l.dir, "blobs", "sha256", d.Digest[7:]), b, 0o644)
}

// layer streams a gzip-compressed tar layer to a blob; fill writes the tar
// entries. It returns the layer descriptor and its diffID.
func (l *layoutWriter) layer(level int, fill func(tw *tar.Writer) error) (descriptor, string, error) {
	tmp, err := os.CreateTemp(l.dir, ".layer-*")
	if err != nil {
		return descriptor{}, "", err
	}
	defer os.Remove(tmp.Name())
	blobHash := sha256.New()
	counter := &countWriter{w: io.MultiWriter(tmp, blobHash)}
	zw, err := gzip.NewWriterLevel(counter, level)
	if err != nil {
		return descriptor{}, "", err
	}
	diffHash := sha256.New()
	tw := tar.NewWriter(io.MultiWriter(zw, diffHash))
	if err := fill(tw); err != nil {
		return descriptor{}, "", err
	}
	if err := tw.Close(); err != nil {
		return descriptor{}, "", err
	}
	if err := zw.Close(); err != nil {
		return descriptor{}, "", err
	}
	if err := tmp.Close(); err != nil {
		return descriptor{}, "", err
	}
	d := descriptor{MediaType: "application/vnd.oci.image.layer.v1.tar+gzip", Digest: digestOf(blobHash), Size: counter.n}
	if err := os.Rename(tmp.Name(), filepath.Join(l.dir, "blobs", "sha256", d.Digest[7:])); err != nil {
		return descriptor{}, "", err
	}
	return d, digestOf(diffHash), nil
}

func digestOf(h hash.Hash) string { return fmt.Sprintf("sha256:%x", h.Sum(nil)) }

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// finish writes the config, manifest and index.json for one tagged image.
func (l *layoutWriter) finish(tag string, cfg any, layers []descriptor) (string, error) {
	cb, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	cd, err := l.writeBlob("application/vnd.oci.image.config.v1+json", cb)
	if err != nil {
		return "", err
	}
	m := map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config":        cd,
		"layers":        layers,
	}
	mb, err := json.Marshal(m)
	if err != nil {
		return "", err
	}
	md, err := l.writeBlob("application/vnd.oci.image.manifest.v1+json", mb)
	if err != nil {
		return "", err
	}
	md.Annotations = map[string]string{"org.opencontainers.image.ref.name": tag}
	idx, err := json.Marshal(map[string]any{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": []descriptor{md}})
	if err != nil {
		return "", err
	}
	return md.Digest, os.WriteFile(filepath.Join(l.dir, "index.json"), idx, 0o644)
}
