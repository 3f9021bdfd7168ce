package pin

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"

	"github.com/customs-oss/customs/internal/source"
)

// Resolver asks registries which digest a reference names. It resolves each
// distinct reference once.
type Resolver struct {
	// Source holds the registry settings, as for inspect: insecure hosts,
	// credentials (the Docker config and credential helpers by default),
	// transport and user agent.
	Source source.Options

	cache map[string]resolved
}

type resolved struct {
	digest string
	err    error
}

// Resolution is what a registry says about one reference.
type Resolution struct {
	// Key names the reference in the lock file: registry/repository:tag,
	// or registry/repository@digest for a reference without a tag.
	Key string
	// Tag is the reference's tag, explicit or implied ("latest"); empty for
	// a digest-only reference.
	Tag string
	// Current is the digest the tag resolves to now (the index digest of a
	// multi-platform image); empty for a digest-only reference.
	Current string
	// Pinned is the digest written in the reference, if any; the registry
	// has confirmed it exists.
	Pinned string
}

// ErrNotFound reports that the registry does not have a reference.
var ErrNotFound = errors.New("not found in the registry")

// Resolve resolves a reference to the digest its tag names now and, for a
// pinned reference, checks that the pinned digest exists.
func (r *Resolver) Resolve(ctx context.Context, ref string) (Resolution, error) {
	nr, fr, err := source.ParseReference(ref, r.Source.Insecure)
	if err != nil {
		return Resolution{}, err
	}
	repo := fr.Registry + "/" + fr.Repository
	res := Resolution{Tag: fr.Tag, Pinned: fr.Digest}
	if fr.Tag != "" {
		res.Key = repo + ":" + fr.Tag
		if res.Current, err = r.head(ctx, nr.Context().Tag(fr.Tag)); err != nil {
			return res, fmt.Errorf("resolving %s: %w", ref, err)
		}
	} else {
		res.Key = repo + "@" + fr.Digest
	}
	if fr.Digest != "" {
		if _, err := r.head(ctx, nr.Context().Digest(fr.Digest)); err != nil {
			return res, fmt.Errorf("checking %s: %w", ref, err)
		}
	}
	return res, nil
}

// head returns the digest of the manifest or index a reference names,
// asking with HEAD first and falling back to GET for registries that do not
// answer HEAD with a digest.
func (r *Resolver) head(ctx context.Context, ref name.Reference) (string, error) {
	key := ref.String()
	if c, ok := r.cache[key]; ok {
		return c.digest, c.err
	}
	opts := r.options(ctx)
	var digest string
	desc, err := remote.Head(ref, opts...)
	if err == nil {
		digest = desc.Digest.String()
	} else if !notFound(err) && ctx.Err() == nil {
		var d *remote.Descriptor
		if d, err = remote.Get(ref, opts...); err == nil {
			digest = d.Digest.String()
		}
	}
	if err != nil && notFound(err) {
		err = fmt.Errorf("%s: %w", key, ErrNotFound)
	}
	if r.cache == nil {
		r.cache = map[string]resolved{}
	}
	r.cache[key] = resolved{digest, err}
	return digest, err
}

func notFound(err error) bool {
	var terr *transport.Error
	return errors.As(err, &terr) && terr.StatusCode == http.StatusNotFound
}

func (r *Resolver) options(ctx context.Context) []remote.Option {
	if r.Source.Transport == nil {
		// One transport for the run, so that connections are reused.
		r.Source.Transport = source.DefaultTransport()
	}
	return r.Source.RemoteOptions(ctx)
}
