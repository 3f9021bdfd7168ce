// Package source opens an image from wherever a user keeps one: a registry, a
// docker-archive tarball, an OCI layout directory or the local Docker engine.
// It returns the image's metadata, verified against its digests, and a way to
// open each layer blob; it never reads layer content itself.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/google/go-containerregistry/pkg/authn"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
)

// Source kinds, as written before the colon of a reference.
const (
	KindRegistry = "registry"
	KindArchive  = "docker-archive"
	KindOCI      = "oci"
	KindDaemon   = "docker-daemon"
)

// Options say how to reach and authenticate to sources.
type Options struct {
	// Platform picks one image of a multi-platform index; nil means the host's.
	Platform *v1.Platform
	// Keychain resolves registry credentials; nil means the Docker config and
	// credential helpers.
	Keychain authn.Keychain
	// Username and Password, when set, are used for every registry.
	Username, Password string
	// Insecure lists registry hosts (host:port) reached over plain HTTP.
	Insecure []string
	// TempDir is customs' private directory for archives it must unpack.
	TempDir string
	// DockerHost is the engine address (unix:///var/run/docker.sock); empty
	// means $DOCKER_HOST or the default socket.
	DockerHost string
	// Transport, when set, carries registry and engine HTTP requests.
	Transport http.RoundTripper
	// UserAgent is sent to registries.
	UserAgent string
	// MaxArchiveSize bounds archives customs copies or decompresses to TempDir.
	MaxArchiveSize int64
}

// Image is an opened image: verified metadata and openable layers.
type Image struct {
	Ref         facts.Reference
	Digest      string
	IndexDigest string
	Platform    string
	Platforms   []string
	MediaType   string
	ConfigID    string
	// ManifestSize is the size of the image manifest in bytes;
	// IndexMediaType and IndexSize describe the index it was chosen from.
	// Signatures name their target by digest, media type and size.
	ManifestSize   int64
	IndexMediaType string
	IndexSize      int64
	// Manifest is nil for docker-archive images, which carry none.
	Manifest *v1.Manifest
	Config   *v1.ConfigFile
	Layers   []Layer
	// IndexManifest is the index the image was chosen from, if any.
	IndexManifest *v1.IndexManifest
	// Attestations are the in-toto statements the index attaches to the
	// image; Referrers the artifacts the registry lists for it. Failures to
	// read either are in ProvenanceErrors and never fail Open.
	Attestations     []facts.Attestation
	Referrers        []facts.Referrer
	ProvenanceErrors []string
	closers          []func() error
}

// Layer is one layer blob of an image.
type Layer struct {
	// Digest is the digest of the stored blob; zero when the store does not
	// record one (legacy docker-archive), in which case only DiffID is verified.
	Digest v1.Hash
	DiffID v1.Hash
	// Size is the stored blob size, or -1 when unknown.
	Size      int64
	MediaType string
	Open      func() (io.ReadCloser, error)
}

// Close releases temporary files and connections held by the image.
func (img *Image) Close() error {
	var errs []error
	for i := len(img.closers) - 1; i >= 0; i-- {
		errs = append(errs, img.closers[i]())
	}
	img.closers = nil
	return errors.Join(errs...)
}

// Open parses ref and opens the image it names. The forms are:
//
//	nginx, ghcr.io/org/app@sha256:...   a registry (docker reference rules)
//	docker-archive:PATH, PATH.tar[.gz]  a `docker save` tarball
//	oci:DIR[:TAG]                       an OCI image layout directory
//	docker-daemon:NAME                  the local Docker engine
func Open(ctx context.Context, ref string, opt Options) (*Image, error) {
	kind, rest := Parse(ref)
	var (
		img *Image
		err error
	)
	switch kind {
	case KindArchive:
		img, err = openArchive(ctx, rest, opt)
	case KindOCI:
		img, err = openLayout(ctx, rest, opt)
	case KindDaemon:
		img, err = openDaemon(ctx, rest, opt)
	default:
		img, err = openRegistry(ctx, rest, opt)
	}
	if err != nil {
		return nil, err
	}
	img.Ref.Input = ref
	img.Ref.Source = kind
	nameFromTags(&img.Ref)
	return img, nil
}

// nameFromTags names an image read from a file by the first tag the file
// records ("alpine:3.10" in a docker-archive, a full reference in an OCI
// layout's ref.name), so that name checks have something to judge. A bare
// tag in an OCI layout ("v2") names no repository.
func nameFromTags(ref *facts.Reference) {
	if ref.Name != "" || len(ref.RepoTags) == 0 {
		return
	}
	t := ref.RepoTags[0]
	if !strings.ContainsAny(t, ":/") {
		return
	}
	if _, fr, err := ParseReference(t, nil); err == nil {
		fr.RepoTags = ref.RepoTags
		fr.Input = ref.Input
		fr.Source = ref.Source
		*ref = fr
	}
}

// Parse splits a reference into its source kind and the rest. A reference
// without a known prefix is a registry reference, unless it names an existing
// file (a docker-archive) or a directory holding an OCI layout.
func Parse(ref string) (kind, rest string) {
	for _, k := range []string{KindArchive, KindOCI, KindDaemon, KindRegistry} {
		if r, ok := strings.CutPrefix(ref, k+":"); ok {
			return k, r
		}
	}
	if r, ok := strings.CutPrefix(ref, "docker://"); ok {
		return KindRegistry, r
	}
	if st, err := os.Stat(ref); err == nil {
		if st.IsDir() {
			return KindOCI, ref
		}
		return KindArchive, ref
	}
	return KindRegistry, ref
}

func (opt Options) keychain() authn.Keychain {
	if opt.Username != "" || opt.Password != "" {
		return staticKeychain{authn.FromConfig(authn.AuthConfig{Username: opt.Username, Password: opt.Password})}
	}
	if opt.Keychain != nil {
		return opt.Keychain
	}
	return authn.DefaultKeychain
}

type staticKeychain struct{ a authn.Authenticator }

func (k staticKeychain) Resolve(authn.Resource) (authn.Authenticator, error) { return k.a, nil }

func (opt Options) tempDir() (string, error) {
	dir := opt.TempDir
	if dir == "" {
		dir = os.TempDir()
	}
	d, err := os.MkdirTemp(dir, "customs-")
	if err != nil {
		return "", fmt.Errorf("making a private temp dir: %w", err)
	}
	return d, nil
}
