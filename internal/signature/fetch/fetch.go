// Package fetch finds the cosign signatures of a registry image: the
// signature image at the sha256-<hex>.sig tag of the image's repository and
// the signatures the OCI referrers API lists for it. It reads them with the
// image's own credentials and transport.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/source"
)

// Limits on what is read: a signature image holds one layer per signature.
const (
	maxLayers      = 32
	maxManifests   = 16
	requestTimeout = 60 * time.Second
)

// Fetcher reads signatures from the registry an image came from.
type Fetcher struct {
	opt source.Options
}

// New returns a Fetcher that reaches registries with opt: its credentials,
// transport, user agent and insecure hosts.
func New(opt source.Options) *Fetcher { return &Fetcher{opt: opt} }

// Fetch returns the signatures found for img, signing its manifest digest
// or its index digest. An image without signatures gives none and no error.
func (f *Fetcher) Fetch(ctx context.Context, img *facts.Image) ([]signature.Signature, error) {
	if img.Ref.Source != "registry" || img.Ref.Repository == "" {
		return nil, errors.New("signatures are read from registries only")
	}
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	repo, err := f.repository(img.Ref)
	if err != nil {
		return nil, err
	}
	ropts := f.opt.RemoteOptions(ctx)
	var out []signature.Signature
	for _, d := range []string{img.Digest, img.IndexDigest} {
		tag, ok := sigTag(d)
		if !ok {
			continue
		}
		sigs, err := fromManifest(repo.Tag(tag), tag, ropts)
		if err != nil {
			return out, err
		}
		out = append(out, sigs...)
	}
	seen := 0
	for _, r := range img.Referrers {
		if !isSignature(r.ArtifactType) {
			continue
		}
		if seen++; seen > maxManifests {
			return out, fmt.Errorf("more than %d signature referrers", maxManifests)
		}
		sigs, err := fromManifest(repo.Digest(r.Digest), "referrer "+r.Digest, ropts)
		if err != nil {
			return out, err
		}
		out = append(out, sigs...)
	}
	return out, nil
}

// isSignature says whether a referrer's artifact type is a signature
// customs reads.
func isSignature(artifactType string) bool {
	switch artifactType {
	case signature.CosignArtifactType, signature.BundleMediaType, signature.NotationArtifactType:
		return true
	}
	return false
}

// repository names the image's repository as the source opened it.
func (f *Fetcher) repository(ref facts.Reference) (name.Repository, error) {
	reg := ref.Registry
	if reg == "docker.io" {
		reg = name.DefaultRegistry
	}
	var opts []name.Option
	if slices.Contains(f.opt.Insecure, reg) {
		opts = append(opts, name.Insecure)
	}
	repo, err := name.NewRepository(reg+"/"+ref.Repository, opts...)
	if err != nil {
		return name.Repository{}, fmt.Errorf("naming the repository of %s: %w", ref.Name, err)
	}
	return repo, nil
}

// sigTag is the tag cosign stores the signatures of digest d under.
func sigTag(d string) (string, bool) {
	alg, hex, ok := strings.Cut(d, ":")
	if !ok || alg == "" || hex == "" {
		return "", false
	}
	return alg + "-" + hex + ".sig", true
}

// fromManifest reads the signature image at ref; a missing image means no
// signatures.
func fromManifest(ref name.Reference, origin string, ropts []remote.Option) ([]signature.Signature, error) {
	img, err := remote.Image(ref, ropts...)
	if err != nil {
		var terr *transport.Error
		if errors.As(err, &terr) && terr.StatusCode == http.StatusNotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("reading signatures at %s: %w", origin, err)
	}
	m, err := img.Manifest()
	if err != nil {
		return nil, fmt.Errorf("reading signature manifest at %s: %w", origin, err)
	}
	if len(m.Layers) > maxLayers {
		return nil, fmt.Errorf("signature manifest at %s has %d layers, over the %d limit", origin, len(m.Layers), maxLayers)
	}
	var out []signature.Signature
	for _, desc := range m.Layers {
		var (
			sig signature.Signature
			err error
		)
		switch string(desc.MediaType) {
		case signature.SimpleSigningMediaType:
			sig, err = readSimpleSigning(img, desc, origin)
		case signature.BundleMediaType, signature.NotationJWSMediaType, signature.NotationCOSEMediaType:
			sig, err = readEnvelope(img, desc, origin)
		default:
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, sig)
	}
	return out, nil
}
