package integration

import (
	"path/filepath"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/customs-oss/customs/internal/examples"
	"github.com/customs-oss/customs/internal/imagetest"
)

// demoImage is one of customs' example images: the OCI layout the examples
// package writes, and the same image read back for pushing or saving.
type demoImage struct {
	Layout string // "oci:DIR", the reference of the local copy
	Image  v1.Image
	Digest v1.Hash // manifest digest
	Config v1.Hash // config digest, the Docker image ID
}

// buildDemo writes an example image (examples.Problems or examples.Clean).
func buildDemo(t *testing.T, write func(dir string) (string, error)) demoImage {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "layout")
	digest, err := write(dir)
	if err != nil {
		t.Fatalf("writing the example image: %v", err)
	}
	h, err := v1.NewHash(digest)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	img, err := idx.Image(h)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := img.ConfigName()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := img.Digest(); err != nil || got != h {
		t.Fatalf("example image digest %v (%v), want %s", got, err, h)
	}
	return demoImage{Layout: "oci:" + dir, Image: img, Digest: h, Config: cfg}
}

func problemsImage(t *testing.T) demoImage { return buildDemo(t, examples.Problems) }
func cleanImage(t *testing.T) demoImage    { return buildDemo(t, examples.Clean) }

// platformImage is a small image for platform p, whose one file names it.
func platformImage(t *testing.T, p v1.Platform, marker string) v1.Image {
	t.Helper()
	img := imagetest.Image(t, v1.Config{User: "10001", Entrypoint: []string{"/app"}},
		imagetest.Step{CreatedBy: "COPY app /app", Layer: imagetest.Layer(t, imagetest.Exec("app", marker+" "+p.Architecture))})
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Variant = p.OS, p.Architecture, p.Variant
	if img, err = mutate.ConfigFile(img, cf); err != nil {
		t.Fatal(err)
	}
	return img
}

// multiPlatform is an index of a linux/amd64 and a linux/arm64 image,
// after an attestation manifest as BuildKit writes them. It returns the
// index and the manifest digest of each platform's image.
func multiPlatform(t *testing.T) (v1.ImageIndex, map[string]v1.Hash) {
	t.Helper()
	digests := map[string]v1.Hash{}
	att := imagetest.Image(t, v1.Config{}, imagetest.Step{CreatedBy: "attestation", Layer: imagetest.Layer(t, imagetest.File{Path: "provenance.json", Content: "{}"})})
	idx := mutate.AppendManifests(mutate.IndexMediaType(empty.Index, types.OCIImageIndex), mutate.IndexAddendum{
		Add: att,
		Descriptor: v1.Descriptor{
			Platform:    &v1.Platform{OS: "unknown", Architecture: "unknown"},
			Annotations: map[string]string{"vnd.docker.reference.type": "attestation-manifest"},
		},
	})
	for _, p := range []v1.Platform{{OS: "linux", Architecture: "amd64"}, {OS: "linux", Architecture: "arm64"}} {
		img := platformImage(t, p, "multi")
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Platform: &p}})
		d, err := img.Digest()
		if err != nil {
			t.Fatal(err)
		}
		digests[p.OS+"/"+p.Architecture] = d
	}
	return idx, digests
}
