package source

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// refNameAnnotation names the tag of a manifest in an OCI layout's index.
const refNameAnnotation = "org.opencontainers.image.ref.name"

// maxIndexDepth bounds nested indexes in a layout.
const maxIndexDepth = 4

// splitLayoutRef splits "DIR[:TAG]", preferring an existing directory so that
// paths with colons still work.
func splitLayoutRef(ref string) (dir, tag string) {
	if st, err := os.Stat(ref); err == nil && st.IsDir() {
		return ref, ""
	}
	if i := strings.LastIndexByte(ref, ':'); i > 0 && !strings.Contains(ref[i+1:], "/") {
		return ref[:i], ref[i+1:]
	}
	return ref, ""
}

func openLayout(_ context.Context, ref string, opt Options) (*Image, error) {
	dir, tag := splitLayoutRef(ref)
	p, err := layout.FromPath(dir)
	if err != nil {
		return nil, fmt.Errorf("opening OCI layout %q: %w", dir, err)
	}
	// index.json is read whole and unverified: a device or a named pipe in
	// its place would be read forever.
	if st, err := os.Stat(filepath.Join(dir, "index.json")); err == nil {
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("OCI layout %q: index.json is not a regular file", dir)
		}
		if st.Size() > maxManifestSize {
			return nil, fmt.Errorf("OCI layout %q: index.json is larger than %d bytes", dir, maxManifestSize)
		}
	}
	idx, err := p.ImageIndex()
	if err != nil {
		return nil, fmt.Errorf("reading OCI layout %q: %w", dir, err)
	}
	im, err := idx.IndexManifest()
	if err != nil {
		return nil, fmt.Errorf("parsing index.json of %q: %w", dir, err)
	}
	out := &Image{}
	var top []v1.Descriptor
	for _, d := range im.Manifests {
		name := d.Annotations[refNameAnnotation]
		if tag != "" && name != tag && !strings.HasSuffix(name, ":"+tag) {
			continue
		}
		top = append(top, d)
	}
	switch {
	case len(top) == 0 && tag != "":
		return nil, fmt.Errorf("OCI layout %q has no image tagged %q", dir, tag)
	case len(top) == 0:
		return nil, fmt.Errorf("OCI layout %q holds no image", dir)
	case len(top) > 1:
		var names []string
		for _, d := range top {
			names = append(names, d.Annotations[refNameAnnotation])
		}
		return nil, fmt.Errorf("OCI layout %q holds %d images (%s); name one as oci:%s:TAG", dir, len(top), strings.Join(names, ", "), dir)
	}
	d := top[0]
	if name := d.Annotations[refNameAnnotation]; name != "" {
		out.Ref.RepoTags = []string{name}
		out.Ref.Tag = name
	}
	for depth := 0; d.MediaType.IsIndex(); depth++ {
		if depth >= maxIndexDepth {
			return nil, fmt.Errorf("OCI layout %q: indexes nested deeper than %d", dir, maxIndexDepth)
		}
		if err := checkBlobSize(dir, d.Digest, maxManifestSize); err != nil {
			return nil, err
		}
		child, err := idx.ImageIndex(d.Digest)
		if err != nil {
			return nil, fmt.Errorf("reading index %s in %q: %w", d.Digest, dir, err)
		}
		cim, err := child.IndexManifest()
		if err != nil {
			return nil, fmt.Errorf("parsing index %s in %q: %w", d.Digest, dir, err)
		}
		chosen, platforms, err := chooseManifest(cim, opt.platform())
		if err != nil {
			return nil, fmt.Errorf("OCI layout %q: %w", dir, err)
		}
		out.IndexDigest, out.Platforms, out.Platform = d.Digest.String(), platforms, platformString(chosen.Platform)
		out.IndexMediaType, out.IndexSize = string(d.MediaType), d.Size
		out.IndexManifest = cim
		idx, d = child, chosen
	}
	if err := checkBlobSize(dir, d.Digest, maxManifestSize); err != nil {
		return nil, err
	}
	img, err := idx.Image(d.Digest)
	if err != nil {
		return nil, fmt.Errorf("reading image %s in %q: %w", d.Digest, dir, err)
	}
	out.Digest = d.Digest.String()
	if m, err := img.Manifest(); err == nil {
		if err := checkBlobSize(dir, m.Config.Digest, maxConfigSize); err != nil {
			return nil, err
		}
	}
	if err := fromV1(img, out); err != nil {
		return nil, fmt.Errorf("OCI layout %q: %w", dir, err)
	}
	if out.IndexManifest != nil {
		readAttestations(idx, out.IndexManifest, out.Digest, func(h v1.Hash, max int64) error {
			return checkBlobSize(dir, h, max)
		}, out)
	}
	if out.Platform == "" {
		out.Platform = configPlatform(out.Config)
	}
	return out, nil
}

// checkBlobSize refuses metadata blobs larger than max before they are read
// whole: the layout's own descriptors may lie about sizes.
func checkBlobSize(dir string, h v1.Hash, max int64) error {
	if h.Algorithm != "sha256" || len(h.Hex) != 64 {
		return fmt.Errorf("OCI layout %q: unsupported digest %q", dir, h)
	}
	st, err := os.Stat(filepath.Join(dir, "blobs", h.Algorithm, h.Hex))
	if err != nil {
		return fmt.Errorf("OCI layout %q: blob %s: %w", dir, h, err)
	}
	if st.Size() > max {
		return fmt.Errorf("OCI layout %q: blob %s is %d bytes, larger than the limit of %d", dir, h, st.Size(), max)
	}
	return nil
}
