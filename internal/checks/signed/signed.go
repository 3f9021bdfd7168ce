// Package signed holds the checks on image signatures: whether the image a
// registry served is signed, and whether the signature verifies against the
// key the user trusts (--key). Archives, layouts and engine images carry no
// registry signatures. Offline, signatures are still read from the image's
// own registry, and verification contacts no other service.
package signed

import (
	"context"
	"sync"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/signature"
)

// Checks returns the constructors of the signature checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		verified(),
		unsigned(),
	}
}

// fetcher is embedded by the checks that read signatures; the signatures of
// one image are fetched once and shared by both checks.
type fetcher struct {
	env check.Env
}

// SetEnv implements check.EnvSetter.
func (f *fetcher) SetEnv(env check.Env) { f.env = env }

// fetched holds the outcome of the one fetch of a scan.
type fetched struct {
	once sync.Once
	sigs []signature.Signature
	err  error
}

// state says whether signatures can be looked for at all.
type state int

const (
	canFetch state = iota
	offline
	noRegistry
)

func (f *fetcher) state(img *facts.Image) state {
	switch {
	case img.Ref.Source != "registry":
		return noRegistry
	case f.env.Signatures == nil:
		// Offline, the image's own registry is still read for its
		// signatures when a fetcher was given; without one nothing is.
		return offline
	}
	return canFetch
}

// signatures returns the image's signatures, fetched once per scan.
func (f *fetcher) signatures(ctx context.Context, img *facts.Image) ([]signature.Signature, error) {
	v := f.env.Shared.Load("signed.fetched", func() any { return &fetched{} }).(*fetched)
	v.once.Do(func() { v.sigs, v.err = f.env.Signatures.Fetch(ctx, img) })
	return v.sigs, v.err
}

// evidence points at the image a finding is about and where its signature
// was found.
func evidence(img *facts.Image, origin string) report.Evidence {
	ref := img.Ref.Name
	if ref == "" {
		ref = img.Ref.Input
	}
	return report.Evidence{Reference: ref, Value: origin}
}
