package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"

	"github.com/customs-oss/customs/internal/imagetest"
)

// smallImage is a one-layer image whose content is marked by label, so that
// tests can tell images apart.
func smallImage(t testing.TB, label string) v1.Image {
	t.Helper()
	return imagetest.Image(t, v1.Config{Labels: map[string]string{"test": label}},
		imagetest.Step{CreatedBy: "COPY " + label, Layer: imagetest.Layer(t, imagetest.File{Path: label, Content: label})})
}

// writeLayout writes idx as an OCI layout and returns its directory.
func writeLayout(t testing.TB, idx v1.ImageIndex) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := layout.Write(dir, idx); err != nil {
		t.Fatal(err)
	}
	return dir
}

// nested wraps img in n single-entry indexes without platforms.
func nested(t testing.TB, img v1.Image, n int) v1.ImageIndex {
	t.Helper()
	idx := mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img})
	for i := 1; i < n; i++ {
		idx = mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: idx})
	}
	return idx
}

func blobPath(dir string, h v1.Hash) string { return filepath.Join(dir, "blobs", h.Algorithm, h.Hex) }

func mustDigest(t testing.TB, d interface{ Digest() (v1.Hash, error) }) v1.Hash {
	t.Helper()
	h, err := d.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func mustConfigName(t testing.TB, img v1.Image) v1.Hash {
	t.Helper()
	h, err := img.ConfigName()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// flipByte changes one byte of a file, keeping its size.
func flipByte(t testing.TB, path string, at int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[at] ^= 0x20
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenLayoutNesting(t *testing.T) {
	img := smallImage(t, "nested")
	want := mustDigest(t, img)
	for _, tt := range []struct {
		depth   int
		wantErr string
	}{
		{depth: 1},
		{depth: maxIndexDepth},
		{depth: maxIndexDepth + 1, wantErr: "indexes nested deeper than 4"},
		{depth: 12, wantErr: "indexes nested deeper than 4"},
	} {
		dir := writeLayout(t, mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: nested(t, img, tt.depth)}))
		got, err := Open(context.Background(), "oci:"+dir, Options{})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("depth %d: error %v, want one containing %q", tt.depth, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("depth %d: %v", tt.depth, err)
			continue
		}
		if got.Digest != want.String() {
			t.Errorf("depth %d: digest %s, want %s", tt.depth, got.Digest, want)
		}
		got.Close()
	}
}

// TestOpenLayoutHostile edits a valid layout in ways an attacker could; each
// must fail, quickly, with an error naming what is wrong.
func TestOpenLayoutHostile(t *testing.T) {
	img := smallImage(t, "hostile")
	manifest := mustDigest(t, img)
	config := mustConfigName(t, img)
	tests := []struct {
		name    string
		edit    func(t *testing.T, dir string)
		wantErr string
	}{
		{
			name:    "manifest blob larger than its descriptor says",
			edit:    func(t *testing.T, dir string) { grow(t, blobPath(dir, manifest), maxManifestSize+1) },
			wantErr: "blob " + manifest.String() + " is 4194305 bytes, larger than the limit of 4194304",
		},
		{
			name:    "config blob larger than its descriptor says",
			edit:    func(t *testing.T, dir string) { grow(t, blobPath(dir, config), maxConfigSize+1) },
			wantErr: "blob " + config.String() + " is 33554433 bytes, larger than the limit of 33554432",
		},
		{
			name:    "index.json too large",
			edit:    func(t *testing.T, dir string) { grow(t, filepath.Join(dir, "index.json"), maxManifestSize+1) },
			wantErr: "index.json is larger than 4194304 bytes",
		},
		{
			name:    "tampered manifest",
			edit:    func(t *testing.T, dir string) { flipByte(t, blobPath(dir, manifest), 20) },
			wantErr: "manifest digest mismatch: want " + manifest.String(),
		},
		{
			name:    "tampered config",
			edit:    func(t *testing.T, dir string) { flipByte(t, blobPath(dir, config), 10) },
			wantErr: "image config digest mismatch: want " + config.String(),
		},
		{
			name:    "missing manifest",
			edit:    func(t *testing.T, dir string) { remove(t, blobPath(dir, manifest)) },
			wantErr: "blob " + manifest.String(),
		},
		{
			name:    "missing config",
			edit:    func(t *testing.T, dir string) { remove(t, blobPath(dir, config)) },
			wantErr: "blob " + config.String(),
		},
		{
			name:    "manifest is a symlink to a device",
			edit:    func(t *testing.T, dir string) { replaceWithSymlink(t, blobPath(dir, manifest), "/dev/zero") },
			wantErr: "blob " + manifest.String() + " is a symlink",
		},
		{
			name:    "config is a symlink to a device",
			edit:    func(t *testing.T, dir string) { replaceWithSymlink(t, blobPath(dir, config), "/dev/zero") },
			wantErr: "blob " + config.String() + " is a symlink",
		},
		{
			name: "config is a named pipe",
			edit: func(t *testing.T, dir string) {
				remove(t, blobPath(dir, config))
				if err := syscall.Mkfifo(blobPath(dir, config), 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
			},
			wantErr: "blob " + config.String() + " is not a regular file",
		},
		{
			name:    "index.json is a symlink to a device",
			edit:    func(t *testing.T, dir string) { replaceWithSymlink(t, filepath.Join(dir, "index.json"), "/dev/zero") },
			wantErr: "index.json is not a regular file",
		},
		{
			name: "index.json is a named pipe",
			edit: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "index.json")
				remove(t, p)
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
			},
			wantErr: "index.json is not a regular file",
		},
		{
			name:    "index.json is not JSON",
			edit:    func(t *testing.T, dir string) { write(t, filepath.Join(dir, "index.json"), "{") },
			wantErr: "parsing index.json",
		},
		{
			name: "empty index",
			edit: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "index.json"), `{"schemaVersion":2,"manifests":[]}`)
			},
			wantErr: "holds no image",
		},
		{
			name: "descriptor with a foreign digest algorithm",
			edit: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "index.json"), `{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":2,"digest":"sha512:`+strings.Repeat("ab", 64)+`"}]}`)
			},
			wantErr: "unsupported digest",
		},
		{
			name: "descriptor digest climbs out",
			edit: func(t *testing.T, dir string) {
				write(t, filepath.Join(dir, "index.json"), `{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":2,"digest":"sha256:../../../../etc/passwd"}]}`)
			},
			wantErr: "parsing index.json",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeLayout(t, mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img}))
			tt.edit(t, dir)
			done := make(chan error, 1)
			go func() {
				got, err := Open(context.Background(), "oci:"+dir, Options{})
				if err == nil {
					got.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Fatalf("Open succeeded, want an error containing %q", tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q does not contain %q", err, tt.wantErr)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Open did not return within 20s")
			}
		})
	}
}

func TestOpenLayoutTags(t *testing.T) {
	a, b := smallImage(t, "a"), smallImage(t, "b")
	idx := mutate.AppendManifests(empty.Index,
		mutate.IndexAddendum{Add: a, Descriptor: v1.Descriptor{Annotations: map[string]string{refNameAnnotation: "example.com/app:1"}}},
		mutate.IndexAddendum{Add: b, Descriptor: v1.Descriptor{Annotations: map[string]string{refNameAnnotation: "2"}}},
	)
	dir := writeLayout(t, idx)
	tests := []struct {
		ref, wantDigest, wantName, wantErr string
	}{
		{ref: "oci:" + dir + ":1", wantDigest: mustDigest(t, a).String(), wantName: "example.com/app:1"},
		{ref: "oci:" + dir + ":2", wantDigest: mustDigest(t, b).String()},
		{ref: "oci:" + dir + ":3", wantErr: `has no image tagged "3"`},
		{ref: "oci:" + dir, wantErr: "holds 2 images (example.com/app:1, 2); name one as oci:" + dir + ":TAG"},
		{ref: dir, wantErr: "holds 2 images"},
		{ref: "oci:" + filepath.Join(dir, "missing"), wantErr: "opening OCI layout"},
	}
	for _, tt := range tests {
		got, err := Open(context.Background(), tt.ref, Options{})
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Open(%q) error %v, want one containing %q", tt.ref, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("Open(%q): %v", tt.ref, err)
			continue
		}
		if got.Digest != tt.wantDigest || got.Ref.Name != tt.wantName {
			t.Errorf("Open(%q) = digest %s name %q, want %s %q", tt.ref, got.Digest, got.Ref.Name, tt.wantDigest, tt.wantName)
		}
		got.Close()
	}
}

// grow extends a file to size bytes without writing them (a sparse file).
func grow(t testing.TB, path string, size int64) {
	t.Helper()
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

func remove(t testing.TB, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replaceWithSymlink(t testing.TB, path, target string) {
	t.Helper()
	remove(t, path)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}
