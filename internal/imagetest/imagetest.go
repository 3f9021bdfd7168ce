// Package imagetest builds images in memory for tests: layers from a list of
// files (whiteouts included), images with a config and history, and writes
// them as OCI layouts or docker-archives. It is imported by tests only.
package imagetest

import (
	"archive/tar"
	"bytes"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// Epoch is the fixed time used for every entry and history step, so that
// images built from the same description have the same digests.
var Epoch = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// File describes one tar entry. Type defaults to a regular file (or a
// directory when Path ends in "/"); Mode defaults to 0644 or 0755.
type File struct {
	Path     string
	Content  string
	Mode     int64
	Type     byte
	Linkname string
	UID, GID int
	// Size, when set, writes that many zero bytes instead of Content.
	Size int64
}

// Dir, Symlink, Whiteout and Opaque are shorthands for common entries.
func Dir(p string) File { return File{Path: p, Type: tar.TypeDir, Mode: 0o755} }
func Symlink(p, target string) File {
	return File{Path: p, Type: tar.TypeSymlink, Linkname: target, Mode: 0o777}
}
func Whiteout(dir, name string) File { return File{Path: join(dir, ".wh."+name)} }
func Opaque(dir string) File         { return File{Path: join(dir, ".wh..wh..opq")} }
func Exec(p, content string) File    { return File{Path: p, Content: content, Mode: 0o755} }

func join(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// Tar returns the bytes of an uncompressed tar holding files in order.
func Tar(t testing.TB, files ...File) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		hdr := &tar.Header{Name: f.Path, Typeflag: f.Type, Linkname: f.Linkname, Mode: f.Mode, Uid: f.UID, Gid: f.GID, ModTime: Epoch, Format: tar.FormatPAX}
		if hdr.Typeflag == 0 {
			hdr.Typeflag = tar.TypeReg
			if len(f.Path) > 0 && f.Path[len(f.Path)-1] == '/' {
				hdr.Typeflag = tar.TypeDir
			}
		}
		if hdr.Mode == 0 {
			hdr.Mode = 0o644
			if hdr.Typeflag == tar.TypeDir {
				hdr.Mode = 0o755
			}
		}
		var body io.Reader
		if hdr.Typeflag == tar.TypeReg {
			hdr.Size = int64(len(f.Content))
			body = bytes.NewReader([]byte(f.Content))
			if f.Size > 0 {
				hdr.Size = f.Size
				body = io.LimitReader(zeros{}, f.Size)
			}
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatalf("writing tar header %q: %v", f.Path, err)
		}
		if body != nil {
			if _, err := io.Copy(tw, body); err != nil {
				t.Fatalf("writing tar entry %q: %v", f.Path, err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Layer returns a gzip-compressed layer holding files.
func Layer(t testing.TB, files ...File) v1.Layer {
	t.Helper()
	b := Tar(t, files...)
	l, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil })
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Step is one layer and the Dockerfile-like history step that made it. A
// step with no Layer is an empty-layer step (ENV, USER, ...).
type Step struct {
	CreatedBy string
	Layer     v1.Layer
}

// Image builds an image from a config and its steps.
func Image(t testing.TB, cfg v1.Config, steps ...Step) v1.Image {
	t.Helper()
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	for _, s := range steps {
		h := v1.History{CreatedBy: s.CreatedBy, Created: v1.Time{Time: Epoch}, EmptyLayer: s.Layer == nil}
		var err error
		if s.Layer == nil {
			img = addEmptyHistory(t, img, h)
			continue
		}
		img, err = mutate.Append(img, mutate.Addendum{Layer: s.Layer, History: h, MediaType: types.OCILayer})
		if err != nil {
			t.Fatal(err)
		}
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.Config = cfg
	cf.Architecture, cf.OS = "amd64", "linux"
	cf.Created = v1.Time{Time: Epoch}
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func addEmptyHistory(t testing.TB, img v1.Image, h v1.History) v1.Image {
	t.Helper()
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.History = append(cf.History, h)
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Layout writes img as an OCI layout in a temp dir, tagged tag, and returns
// the reference customs reads it by ("oci:DIR").
func Layout(t testing.TB, img v1.Image, tag string) string {
	t.Helper()
	dir := t.TempDir()
	p, err := layout.Write(dir, empty.Index)
	if err != nil {
		t.Fatal(err)
	}
	var opts []layout.Option
	if tag != "" {
		opts = append(opts, layout.WithAnnotations(map[string]string{"org.opencontainers.image.ref.name": tag}))
	}
	if err := p.AppendImage(img, opts...); err != nil {
		t.Fatal(err)
	}
	return "oci:" + dir
}

// Archive writes img as a docker-archive (docker save format) tagged tag and
// returns its path.
func Archive(t testing.TB, img v1.Image, tag string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "image.tar")
	ref, err := name.NewTag(tag)
	if err != nil {
		t.Fatal(err)
	}
	if err := tarball.WriteToFile(p, ref, img); err != nil {
		t.Fatal(err)
	}
	return p
}
