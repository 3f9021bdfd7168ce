package source

import (
	"bytes"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// FuzzChooseManifest picks a platform from arbitrary index JSON: it must
// never panic, and never choose an attestation or a platform that does not
// match the one asked for.
func FuzzChooseManifest(f *testing.F) {
	f.Add([]byte(`{"manifests":[{"digest":"sha256:`+strings.Repeat("a", 64)+`","platform":{"os":"linux","architecture":"amd64"}}]}`), "linux/amd64")
	f.Add([]byte(`{"manifests":[{"digest":"sha256:`+strings.Repeat("a", 64)+`","platform":{"os":"linux","architecture":"arm64"}},{"platform":{"os":"unknown","architecture":"unknown"},"annotations":{"vnd.docker.reference.type":"attestation-manifest"}}]}`), "linux/arm64/v8")
	f.Add([]byte(`{"manifests":[{"digest":"sha256:`+strings.Repeat("b", 64)+`"}]}`), "linux/arm/v7")
	f.Add([]byte(`{"manifests":[]}`), "windows/amd64")
	f.Fuzz(func(t *testing.T, index []byte, platform string) {
		im, err := v1.ParseIndexManifest(bytes.NewReader(index))
		if err != nil {
			return
		}
		want, err := v1.ParsePlatform(platform)
		if err != nil {
			return
		}
		got, platforms, err := chooseManifest(im, *want)
		if err != nil {
			if !strings.Contains(err.Error(), "choose one with --platform") {
				t.Errorf("error %q does not say how to choose", err)
			}
			return
		}
		if got.Annotations["vnd.docker.reference.type"] == "attestation-manifest" {
			t.Errorf("chose an attestation manifest %v", got)
		}
		if got.Platform == nil {
			if len(im.Manifests) != 1 {
				t.Errorf("chose a manifest without platform among %d", len(im.Manifests))
			}
			return
		}
		if !matches(*want, *got.Platform) {
			t.Errorf("asked for %s, chose %s", platformString(want), platformString(got.Platform))
		}
		if len(platforms) == 0 {
			t.Errorf("chose %s but listed no platform", platformString(got.Platform))
		}
	})
}
