package source

import (
	"fmt"
	"runtime"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// HostPlatform is the platform docker would pull on this machine.
func HostPlatform() v1.Platform {
	p := v1.Platform{OS: "linux", Architecture: runtime.GOARCH}
	if runtime.GOARCH == "arm" {
		p.Variant = "v7"
	}
	if runtime.GOARCH == "arm64" {
		p.Variant = "v8"
	}
	return p
}

// platformString formats a platform as os/arch[/variant].
func platformString(p *v1.Platform) string {
	if p == nil {
		return ""
	}
	s := p.OS + "/" + p.Architecture
	if p.Variant != "" {
		s += "/" + p.Variant
	}
	return s
}

// matches reports whether have satisfies want, treating an empty variant in
// want as any, and arm64's v8 as the default variant like containerd does.
func matches(want, have v1.Platform) bool {
	if want.OS != have.OS || want.Architecture != have.Architecture {
		return false
	}
	if want.Variant == "" || want.Variant == have.Variant {
		return true
	}
	return want.Architecture == "arm64" && want.Variant == "v8" && have.Variant == ""
}

// chooseManifest picks the manifest for want from an index, skipping
// attestation manifests, and lists the platforms the index offers.
func chooseManifest(im *v1.IndexManifest, want v1.Platform) (v1.Descriptor, []string, error) {
	var platforms []string
	var chosen *v1.Descriptor
	for i := range im.Manifests {
		d := im.Manifests[i]
		if d.Platform == nil || d.Platform.OS == "unknown" {
			continue
		}
		if d.Annotations["vnd.docker.reference.type"] == "attestation-manifest" {
			continue
		}
		platforms = append(platforms, platformString(d.Platform))
		if chosen == nil && matches(want, *d.Platform) {
			chosen = &im.Manifests[i]
		}
	}
	if chosen == nil {
		if len(im.Manifests) == 1 && im.Manifests[0].Platform == nil {
			return im.Manifests[0], platforms, nil
		}
		return v1.Descriptor{}, platforms, fmt.Errorf("no image for platform %s in the index (it has %s); choose one with --platform",
			platformString(&want), orNone(platforms))
	}
	return *chosen, platforms, nil
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}
