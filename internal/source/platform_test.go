package source

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"
)

func desc(digestChar string, p *v1.Platform, annotations map[string]string) v1.Descriptor {
	return v1.Descriptor{
		MediaType:   "application/vnd.oci.image.manifest.v1+json",
		Digest:      v1.Hash{Algorithm: "sha256", Hex: strings.Repeat(digestChar, 64)},
		Platform:    p,
		Annotations: annotations,
	}
}

func TestChooseManifest(t *testing.T) {
	amd64 := &v1.Platform{OS: "linux", Architecture: "amd64"}
	arm64 := &v1.Platform{OS: "linux", Architecture: "arm64"}
	arm64v8 := &v1.Platform{OS: "linux", Architecture: "arm64", Variant: "v8"}
	armv7 := &v1.Platform{OS: "linux", Architecture: "arm", Variant: "v7"}
	armv6 := &v1.Platform{OS: "linux", Architecture: "arm", Variant: "v6"}
	unknown := &v1.Platform{OS: "unknown", Architecture: "unknown"}
	attestation := map[string]string{"vnd.docker.reference.type": "attestation-manifest"}
	tests := []struct {
		name          string
		manifests     []v1.Descriptor
		want          v1.Platform
		wantDigest    string // the repeated hex character of the chosen digest
		wantPlatforms []string
		wantErr       string
	}{
		{
			name:          "exact",
			manifests:     []v1.Descriptor{desc("a", amd64, nil), desc("b", arm64, nil)},
			want:          *arm64,
			wantDigest:    "b",
			wantPlatforms: []string{"linux/amd64", "linux/arm64"},
		},
		{
			name:          "arm64 v8 matches an index entry without variant",
			manifests:     []v1.Descriptor{desc("a", amd64, nil), desc("b", arm64, nil)},
			want:          *arm64v8,
			wantDigest:    "b",
			wantPlatforms: []string{"linux/amd64", "linux/arm64"},
		},
		{
			name:          "no variant asked matches any variant",
			manifests:     []v1.Descriptor{desc("a", armv6, nil), desc("b", armv7, nil)},
			want:          v1.Platform{OS: "linux", Architecture: "arm"},
			wantDigest:    "a",
			wantPlatforms: []string{"linux/arm/v6", "linux/arm/v7"},
		},
		{
			name:          "variant asked must match",
			manifests:     []v1.Descriptor{desc("a", armv6, nil), desc("b", armv7, nil)},
			want:          *armv7,
			wantDigest:    "b",
			wantPlatforms: []string{"linux/arm/v6", "linux/arm/v7"},
		},
		{
			name:          "attestation manifests are skipped",
			manifests:     []v1.Descriptor{desc("c", amd64, attestation), desc("d", unknown, attestation), desc("a", amd64, nil)},
			want:          *amd64,
			wantDigest:    "a",
			wantPlatforms: []string{"linux/amd64"},
		},
		{
			name:          "single entry without platform",
			manifests:     []v1.Descriptor{desc("e", nil, nil)},
			want:          *arm64,
			wantDigest:    "e",
			wantPlatforms: nil,
		},
		{
			name:          "missing platform lists the ones there are",
			manifests:     []v1.Descriptor{desc("a", amd64, nil), desc("b", arm64, nil), desc("d", unknown, attestation)},
			want:          v1.Platform{OS: "linux", Architecture: "s390x"},
			wantPlatforms: []string{"linux/amd64", "linux/arm64"},
			wantErr:       "no image for platform linux/s390x in the index (it has linux/amd64, linux/arm64); choose one with --platform",
		},
		{
			name:          "arm v7 is not arm64",
			manifests:     []v1.Descriptor{desc("b", armv7, nil)},
			want:          *arm64v8,
			wantPlatforms: []string{"linux/arm/v7"},
			wantErr:       "no image for platform linux/arm64/v8 in the index (it has linux/arm/v7)",
		},
		{
			name:      "only attestations",
			manifests: []v1.Descriptor{desc("d", unknown, attestation)},
			want:      *amd64,
			wantErr:   "(it has none)",
		},
		{
			name:    "empty index",
			want:    *amd64,
			wantErr: "(it has none)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, platforms, err := chooseManifest(&v1.IndexManifest{Manifests: tt.manifests}, tt.want)
			if diff := cmp.Diff(tt.wantPlatforms, platforms); diff != "" {
				t.Errorf("platforms (-want +got):\n%s", diff)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Digest.Hex != strings.Repeat(tt.wantDigest, 64) {
				t.Errorf("chose %s, want the %q manifest", got.Digest, tt.wantDigest)
			}
		})
	}
}

func TestPlatformString(t *testing.T) {
	for _, tt := range []struct {
		p    *v1.Platform
		want string
	}{
		{nil, ""},
		{&v1.Platform{OS: "linux", Architecture: "amd64"}, "linux/amd64"},
		{&v1.Platform{OS: "linux", Architecture: "arm", Variant: "v7"}, "linux/arm/v7"},
		{&v1.Platform{OS: "windows", Architecture: "amd64", OSVersion: "10.0.17763"}, "windows/amd64"},
	} {
		if got := platformString(tt.p); got != tt.want {
			t.Errorf("platformString(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
	if h := HostPlatform(); h.OS != "linux" || h.Architecture == "" {
		t.Errorf("HostPlatform() = %v", h)
	}
}
