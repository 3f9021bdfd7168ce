package source

import (
	"fmt"
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// fromV1 reads the manifest and config of a go-containerregistry image,
// bounded and verified, and describes its layers.
func fromV1(img v1.Image, out *Image) error {
	raw, err := img.RawManifest()
	if err != nil {
		return fmt.Errorf("reading manifest: %w", err)
	}
	if len(raw) > maxManifestSize {
		return fmt.Errorf("manifest is larger than %d bytes", maxManifestSize)
	}
	m, err := img.Manifest()
	if err != nil {
		return fmt.Errorf("parsing manifest: %w", err)
	}
	d, err := img.Digest()
	if err != nil {
		return fmt.Errorf("digest of manifest: %w", err)
	}
	if out.Digest != "" && out.Digest != d.String() {
		return fmt.Errorf("manifest digest mismatch: want %s, got %s", out.Digest, d)
	}
	out.Digest = d.String()
	if raw, err := img.RawManifest(); err == nil {
		out.ManifestSize = int64(len(raw))
	}
	out.Manifest = m
	out.MediaType = string(m.MediaType)
	if m.Config.Size > maxConfigSize {
		return fmt.Errorf("image config is %d bytes, larger than the limit of %d", m.Config.Size, maxConfigSize)
	}
	rawCfg, err := img.RawConfigFile()
	if err != nil {
		return fmt.Errorf("reading image config %s: %w", m.Config.Digest, err)
	}
	if err := verifyDigest(rawCfg, m.Config.Digest, "image config"); err != nil {
		return err
	}
	cfg, err := parseConfig(rawCfg)
	if err != nil {
		return err
	}
	out.Config = cfg
	out.ConfigID = m.Config.Digest.String()
	if len(cfg.RootFS.DiffIDs) != len(m.Layers) {
		return fmt.Errorf("manifest lists %d layers but the config has %d diffIDs", len(m.Layers), len(cfg.RootFS.DiffIDs))
	}
	for i, desc := range m.Layers {
		desc := desc
		out.Layers = append(out.Layers, Layer{
			Digest:    desc.Digest,
			DiffID:    cfg.RootFS.DiffIDs[i],
			Size:      desc.Size,
			MediaType: string(desc.MediaType),
			Open: func() (io.ReadCloser, error) {
				l, err := img.LayerByDigest(desc.Digest)
				if err != nil {
					return nil, err
				}
				return l.Compressed()
			},
		})
	}
	return nil
}
