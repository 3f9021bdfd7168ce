package source

import (
	"archive/tar"
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzIndexTar feeds arbitrary bytes to the docker-archive tar index: it
// must never panic, and every file it indexes must lie inside the archive
// under a clean, relative name.
func FuzzIndexTar(f *testing.F) {
	a := newLegacyArchive(f)
	valid := tarBytes(f, a.entries(f))
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Add(tarBytes(f, []tarEntry{{name: "../x", body: "x"}}))
	f.Add(tarBytes(f, []tarEntry{{name: "/abs", body: "x"}, {name: "a/./b//c", body: "y"}, {name: "l", typ: tar.TypeSymlink, link: "/etc"}}))
	f.Add([]byte{})
	f.Add(make([]byte, 1024))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "a.tar")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		idx, err := indexTar(fh)
		if err != nil {
			return
		}
		for name, s := range idx.files {
			if name == "" || strings.HasPrefix(name, "/") || path.Clean(name) != name || hasDotDot(name) {
				t.Errorf("indexed name %q is not clean and relative", name)
			}
			if s.off < 0 || s.size < 0 || s.off+s.size > int64(len(data)) {
				t.Errorf("file %q at %d+%d lies outside the %d-byte archive", name, s.off, s.size, len(data))
			}
		}
	})
}

// FuzzArchiveManifest builds a well-formed tar around an arbitrary
// manifest.json and config: reading it must never panic, and an image it
// accepts must have one readable layer per diffID.
func FuzzArchiveManifest(f *testing.F) {
	a := newLegacyArchive(f)
	mb, err := json.Marshal(a.manifest)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(mb, a.config)
	f.Add([]byte(`[{"Config":"../../etc/passwd","Layers":["/dev/zero"]}]`), a.config)
	f.Add([]byte(`[{"Config":"c.json","Layers":["abc/layer.tar","abc/layer.tar"]}]`), []byte(`{"rootfs":{"diff_ids":["sha256:00","sha256:11"]}}`))
	f.Add([]byte(`[{"Config":"c.json","RepoTags":["a:b"],"Layers":[]}]`), []byte(`{}`))
	f.Add([]byte(`[]`), []byte(`null`))
	f.Add([]byte(`{}`), []byte(`[]`))
	f.Fuzz(func(t *testing.T, manifest, config []byte) {
		entries := []tarEntry{
			{name: "manifest.json", body: string(manifest)},
			{name: a.configHex + ".json", body: string(a.config)},
			{name: "c.json", body: string(config)},
			{name: "abc/layer.tar", body: string(a.layer)},
		}
		p := writeFile(t, "a.tar", tarBytes(t, entries))
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer fh.Close()
		out := &Image{}
		defer out.Close()
		if err := readArchive(fh, "", out); err != nil {
			return
		}
		if out.Config == nil || len(out.Layers) != len(out.Config.RootFS.DiffIDs) {
			t.Fatalf("accepted an image with %d layers and config %v", len(out.Layers), out.Config)
		}
		for i, l := range out.Layers {
			rc, err := l.Open()
			if err != nil {
				t.Fatalf("layer %d: %v", i, err)
			}
			n, err := io.Copy(io.Discard, rc)
			rc.Close()
			if err != nil || n != l.Size {
				t.Errorf("layer %d: read %d bytes (%v), size says %d", i, n, err, l.Size)
			}
		}
	})
}

// FuzzArchiveName checks the name cleaning that keeps manifest paths
// inside the archive, and the digest recognition of blob names.
func FuzzArchiveName(f *testing.F) {
	for _, s := range []string{"manifest.json", "../x", "/etc/passwd", "a/../b", "a/./b", "", "/", ".", "..", "blobs/sha256/" + strings.Repeat("a", 64), strings.Repeat("b", 64) + ".json", "x/" + strings.Repeat("C", 64) + ".json"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if clean, ok := archiveName(name); ok {
			if clean == "" || strings.HasPrefix(clean, "/") || path.Clean(clean) != clean || hasDotDot(clean) {
				t.Errorf("archiveName(%q) = %q, not a clean relative name", name, clean)
			}
			if hasDotDot(name) {
				t.Errorf("archiveName(%q) accepted a name with ..", name)
			}
		}
		if h, ok := digestFromPath(name); ok {
			if h.Algorithm != "sha256" || len(h.Hex) != 64 || !isHex(h.Hex) {
				t.Errorf("digestFromPath(%q) = %v", name, h)
			}
		}
	})
}

func hasDotDot(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}
