package source

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
)

// FuzzLayoutIndex replaces the index.json of an OCI layout (whose blobs hold
// an image and a two-platform index) with arbitrary bytes: opening it must
// never panic, and an image it opens must be one of the layout's own.
func FuzzLayoutIndex(f *testing.F) {
	img := smallImage(f, "fuzz")
	multi, digests := multiPlatform(f, v1.Platform{OS: "linux", Architecture: "amd64"}, v1.Platform{OS: "linux", Architecture: "arm64"})
	top := mutate.AppendManifests(empty.Index,
		mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Annotations: map[string]string{refNameAnnotation: "one"}}},
		mutate.IndexAddendum{Add: multi, Descriptor: v1.Descriptor{Annotations: map[string]string{refNameAnnotation: "multi"}}},
		mutate.IndexAddendum{Add: nested(f, img, maxIndexDepth+1)},
	)
	dir := writeLayout(f, top)
	known := map[string]bool{mustDigest(f, img).String(): true}
	for _, d := range digests {
		known[d] = true
	}
	raw, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{"schemaVersion":2,"manifests":[]}`))
	f.Add([]byte(`{"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"` + mustDigest(f, multi).String() + `","size":1}]}`))
	f.Add([]byte(`{"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:` + strings.Repeat("0", 64) + `","size":1}]}`))
	f.Add([]byte(`{"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:../../x","size":1}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, index []byte) {
		if err := os.WriteFile(filepath.Join(dir, "index.json"), index, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, ref := range []string{"oci:" + dir, "oci:" + dir + ":multi"} {
			got, err := Open(context.Background(), ref, Options{Platform: &v1.Platform{OS: "linux", Architecture: "arm64"}})
			if err != nil {
				continue
			}
			if !known[got.Digest] {
				t.Errorf("%s opened %s, which is not an image of the layout", ref, got.Digest)
			}
			if got.Config == nil || len(got.Layers) != len(got.Config.RootFS.DiffIDs) {
				t.Errorf("%s: %d layers for config %v", ref, len(got.Layers), got.Config)
			}
			got.Close()
		}
	})
}
