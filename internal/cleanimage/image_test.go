package cleanimage

import (
	"io"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/samples"
)

// step is one layer of a test image and the command that made it.
type step struct {
	CreatedBy string
	Layer     v1.Layer
}

// layout builds an OCI image from cfg and steps, writes it as an OCI layout
// in a temp dir and returns the reference customs reads it by.
func layout(t testing.TB, tag string, cfg v1.Config, steps ...step) string {
	t.Helper()
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	for _, s := range steps {
		var err error
		img, err = mutate.Append(img, mutate.Addendum{
			Layer:   s.Layer,
			History: v1.History{CreatedBy: s.CreatedBy, Created: v1.Time{Time: imagetest.Epoch}},
		})
		if err != nil {
			t.Fatalf("adding layer %q: %v", s.CreatedBy, err)
		}
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.Config = cfg
	cf.Architecture, cf.OS = "amd64", "linux"
	cf.Created = v1.Time{Time: imagetest.Epoch}
	if img, err = mutate.ConfigFile(img, cf); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ref := imagetest.Layout(t, img, tag)
	t.Logf("wrote %s in %v", tag, time.Since(start).Round(time.Millisecond))
	return ref
}

// tarLayer returns the tar file at path as a layer.
func tarLayer(t testing.TB, path string) v1.Layer {
	t.Helper()
	l, err := FileLayer(path)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// dirLayer archives dir (entries named prefix + path) into a tar in a temp
// dir and returns it as a layer.
func dirLayer(t testing.TB, dir, prefix string) v1.Layer {
	t.Helper()
	path := filepath.Join(t.TempDir(), "layer.tar")
	if err := samples.WriteAtomic(path, func(w io.Writer) error { return WriteDirTar(w, dir, prefix) }); err != nil {
		t.Fatal(err)
	}
	return tarLayer(t, path)
}

// lookPath finds a tool on PATH or in the system directories root's tools
// live in, which a test's PATH may leave out.
func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range []string{"/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/local/bin", "/usr/bin", "/bin", "/usr/local/go/bin"} {
		if p, err := exec.LookPath(filepath.Join(dir, name)); err == nil {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}
