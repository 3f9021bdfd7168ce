package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"

	"github.com/customs-oss/customs/internal/facts"
)

// ParseReference parses a registry reference with docker's rules: "nginx" is
// docker.io/library/nginx:latest. Hosts in insecure may be reached over HTTP.
func ParseReference(ref string, insecure []string) (name.Reference, facts.Reference, error) {
	r, err := name.ParseReference(ref, name.WithDefaultRegistry(name.DefaultRegistry))
	if err != nil {
		return nil, facts.Reference{}, fmt.Errorf("parsing image reference %q: %w", ref, err)
	}
	if slices.Contains(insecure, r.Context().RegistryStr()) {
		r, err = name.ParseReference(ref, name.Insecure)
		if err != nil {
			return nil, facts.Reference{}, fmt.Errorf("parsing image reference %q: %w", ref, err)
		}
	}
	fr := facts.Reference{
		Registry:   displayRegistry(r.Context().RegistryStr()),
		Repository: r.Context().RepositoryStr(),
	}
	base := fr.Registry + "/" + fr.Repository
	switch t := r.(type) {
	case name.Tag:
		fr.Tag = t.TagStr()
		fr.ImplicitTag = !hasExplicitTag(ref)
		fr.Name = base + ":" + fr.Tag
	case name.Digest:
		fr.Digest = t.DigestStr()
		if tag := tagBeforeDigest(ref); tag != "" {
			fr.Tag = tag
			fr.Name = base + ":" + tag + "@" + fr.Digest
		} else {
			fr.Name = base + "@" + fr.Digest
		}
	}
	return r, fr, nil
}

// displayRegistry writes Docker Hub as docker does.
func displayRegistry(host string) string {
	if host == name.DefaultRegistry {
		return "docker.io"
	}
	return host
}

func hasExplicitTag(ref string) bool {
	ref, _, _ = strings.Cut(ref, "@")
	last := ref[strings.LastIndex(ref, "/")+1:]
	return strings.Contains(last, ":")
}

func tagBeforeDigest(ref string) string {
	before, _, ok := strings.Cut(ref, "@")
	if !ok {
		return ""
	}
	last := before[strings.LastIndex(before, "/")+1:]
	if _, tag, ok := strings.Cut(last, ":"); ok {
		return tag
	}
	return ""
}

// transport returns an HTTP transport with timeouts for registries that
// stall: connections and response headers are bounded, bodies by the context.
func (opt Options) transport() http.RoundTripper {
	if opt.Transport != nil {
		return opt.Transport
	}
	return DefaultTransport()
}

// DefaultTransport is the HTTP transport customs uses for registries: the
// proxy from the environment and timeouts on every phase of a request.
func DefaultTransport() *http.Transport {
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   8,
		ForceAttemptHTTP2:     true,
	}
}

// RemoteOptions are the go-containerregistry options of a registry request
// under opt: credentials, transport, user agent and ctx.
func (opt Options) RemoteOptions(ctx context.Context) []remote.Option { return opt.remoteOptions(ctx) }

func (opt Options) remoteOptions(ctx context.Context) []remote.Option {
	ua := opt.UserAgent
	if ua == "" {
		ua = "customs"
	}
	return []remote.Option{
		remote.WithContext(ctx),
		remote.WithAuthFromKeychain(opt.keychain()),
		remote.WithTransport(opt.transport()),
		remote.WithUserAgent(ua),
	}
}

func (opt Options) platform() v1.Platform {
	if opt.Platform != nil {
		return *opt.Platform
	}
	return HostPlatform()
}

func openRegistry(ctx context.Context, ref string, opt Options) (*Image, error) {
	r, fr, err := ParseReference(ref, opt.Insecure)
	if err != nil {
		return nil, err
	}
	ropts := opt.remoteOptions(ctx)
	desc, err := remote.Get(r, ropts...)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w%s", fr.Name, err, authHint(err))
	}
	out := &Image{Ref: fr}
	var (
		img v1.Image
		idx v1.ImageIndex
	)
	if desc.MediaType.IsIndex() {
		idx, err = desc.ImageIndex()
		if err != nil {
			return nil, fmt.Errorf("reading index of %s: %w", fr.Name, err)
		}
		im, err := idx.IndexManifest()
		if err != nil {
			return nil, fmt.Errorf("parsing index of %s: %w", fr.Name, err)
		}
		chosen, platforms, err := chooseManifest(im, opt.platform())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fr.Name, err)
		}
		out.IndexDigest = desc.Digest.String()
		out.IndexMediaType, out.IndexSize = string(desc.MediaType), desc.Size
		out.IndexManifest = im
		out.Platforms = platforms
		out.Platform = platformString(chosen.Platform)
		out.Digest = chosen.Digest.String()
		img, err = remote.Image(r.Context().Digest(chosen.Digest.String()), ropts...)
		if err != nil {
			return nil, fmt.Errorf("fetching %s for %s: %w", fr.Name, out.Platform, err)
		}
	} else {
		out.Digest = desc.Digest.String()
		img, err = desc.Image()
		if err != nil {
			return nil, fmt.Errorf("reading image %s: %w", fr.Name, err)
		}
	}
	if err := fromV1(img, out); err != nil {
		return nil, fmt.Errorf("%s: %w", fr.Name, err)
	}
	if idx != nil {
		readAttestations(idx, out.IndexManifest, out.Digest, nil, out)
	}
	readReferrers(ctx, r.Context(), opt, out)
	if out.Platform == "" {
		out.Platform = configPlatform(out.Config)
	}
	return out, nil
}

func configPlatform(cfg interface{ Platform() *v1.Platform }) string {
	return platformString(cfg.Platform())
}

// authHint tells the user where credentials come from when the registry
// refused them.
func authHint(err error) string {
	var terr *transport.Error
	if !errors.As(err, &terr) {
		return ""
	}
	switch terr.StatusCode {
	case http.StatusUnauthorized:
		return " (check --username/--password-stdin, or the credentials in $DOCKER_CONFIG/config.json or ~/.docker/config.json and its credential helpers)"
	case http.StatusForbidden:
		return " (the credentials were accepted but give no pull access to this repository)"
	}
	return ""
}
