package source

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
)

// tarEntry is one entry of a hand-made docker-archive.
type tarEntry struct {
	name, body, link string
	typ              byte
}

// tarBytes writes entries as an uncompressed tar.
func tarBytes(t testing.TB, entries []tarEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.name, Typeflag: e.typ, Linkname: e.link, Mode: 0o644, ModTime: imagetest.Epoch, Format: tar.FormatPAX}
		if hdr.Typeflag == 0 {
			hdr.Typeflag = tar.TypeReg
		}
		if hdr.Typeflag == tar.TypeReg {
			hdr.Size = int64(len(e.body))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatalf("writing header %q: %v", e.name, err)
		}
		if _, err := tw.Write([]byte(e.body)); err != nil {
			t.Fatalf("writing %q: %v", e.name, err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeFile writes b to a new file in a temp dir and returns its path.
func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// legacyArchive holds the parts of a docker-archive in the layout `docker
// save` wrote before OCI: HEX.json config, ID/layer.tar layers.
type legacyArchive struct {
	config    []byte
	configHex string
	layer     []byte
	manifest  []archiveManifest
}

// newLegacyArchive describes a valid one-layer archive tagged demo/app:1.0.
func newLegacyArchive(t testing.TB) *legacyArchive {
	t.Helper()
	layer := imagetest.Tar(t, imagetest.Dir("etc/"), imagetest.File{Path: "etc/hostname", Content: "demo\n"})
	diffID := v1.Hash{Algorithm: "sha256", Hex: fmt.Sprintf("%x", sha256.Sum256(layer))}
	cfg := v1.ConfigFile{
		Architecture: "arm64", OS: "linux", Variant: "v8",
		RootFS: v1.RootFS{Type: "layers", DiffIDs: []v1.Hash{diffID}},
		Config: v1.Config{User: "10001"},
	}
	cb, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hex := fmt.Sprintf("%x", sha256.Sum256(cb))
	return &legacyArchive{
		config:    cb,
		configHex: hex,
		layer:     layer,
		manifest:  []archiveManifest{{Config: hex + ".json", RepoTags: []string{"demo/app:1.0"}, Layers: []string{"abc/layer.tar"}}},
	}
}

// entries returns the archive's tar entries, manifest.json first.
func (a *legacyArchive) entries(t testing.TB) []tarEntry {
	t.Helper()
	mb, err := json.Marshal(a.manifest)
	if err != nil {
		t.Fatal(err)
	}
	return []tarEntry{
		{name: "manifest.json", body: string(mb)},
		{name: a.configHex + ".json", body: string(a.config)},
		{name: "abc/", typ: tar.TypeDir},
		{name: "abc/layer.tar", body: string(a.layer)},
	}
}

func sha256Hex(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b)) }

// dirEntries lists the names in dir.
func dirEntries(t testing.TB, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

func discardLogger() *log.Logger { return log.New(io.Discard, "", 0) }
