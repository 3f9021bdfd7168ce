package pin

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"

	"github.com/customs-oss/customs/internal/source"
)

// testRegistry serves an in-process registry and counts manifest requests.
func testRegistry(t *testing.T) (host string, manifests *atomic.Int64) {
	t.Helper()
	manifests = &atomic.Int64{}
	reg := registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/manifests/") {
			manifests.Add(1)
		}
		reg.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://"), manifests
}

func push(t *testing.T, ref string, img remote.Taggable) v1.Hash {
	t.Helper()
	r, err := name.ParseReference(ref)
	if err != nil {
		t.Fatal(err)
	}
	switch x := img.(type) {
	case v1.ImageIndex:
		err = remote.WriteIndex(r, x)
	case v1.Image:
		err = remote.Write(r, x)
	}
	if err != nil {
		t.Fatal(err)
	}
	d, err := img.(interface{ Digest() (v1.Hash, error) }).Digest()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestResolver(t *testing.T) {
	host, manifests := testRegistry(t)
	img, err := random.Image(64, 1)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := random.Index(64, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	imgDigest := push(t, host+"/team/app:v1", img)
	idxDigest := push(t, host+"/team/multi:v2", idx)
	ctx := context.Background()
	r := &Resolver{}

	got, err := r.Resolve(ctx, host+"/team/app:v1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Current != imgDigest.String() || got.Key != host+"/team/app:v1" || got.Tag != "v1" || got.Pinned != "" {
		t.Errorf("Resolve(app:v1) = %+v, want current %s", got, imgDigest)
	}

	// A multi-platform image resolves to its index, not to one platform.
	got, err = r.Resolve(ctx, host+"/team/multi:v2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Current != idxDigest.String() {
		t.Errorf("Resolve(multi:v2) = %s, want the index digest %s", got.Current, idxDigest)
	}

	// A pinned reference is checked and keeps its tag's key.
	got, err = r.Resolve(ctx, host+"/team/app:v1@"+imgDigest.String())
	if err != nil {
		t.Fatal(err)
	}
	if got.Pinned != imgDigest.String() || got.Current != imgDigest.String() || got.Key != host+"/team/app:v1" {
		t.Errorf("Resolve(pinned) = %+v", got)
	}
	got, err = r.Resolve(ctx, host+"/team/app@"+imgDigest.String())
	if err != nil || got.Key != host+"/team/app@"+imgDigest.String() || got.Current != "" {
		t.Errorf("Resolve(digest only) = %+v, %v", got, err)
	}

	// Each distinct manifest is asked for once.
	before := manifests.Load()
	if _, err := r.Resolve(ctx, host+"/team/app:v1"); err != nil {
		t.Fatal(err)
	}
	if manifests.Load() != before {
		t.Errorf("a resolved reference was asked for again")
	}

	for _, missing := range []string{
		host + "/team/app:nope",
		host + "/team/app:v1@sha256:" + strings.Repeat("0", 64),
	} {
		if _, err := r.Resolve(ctx, missing); !errors.Is(err, ErrNotFound) {
			t.Errorf("Resolve(%s) = %v, want ErrNotFound", missing, err)
		}
	}
	if _, err := r.Resolve(ctx, "UPPER/Case:1"); err == nil {
		t.Error("an invalid reference resolved")
	}
}

func TestResolverSendsCredentials(t *testing.T) {
	var user atomic.Value
	reg := registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, _, ok := r.BasicAuth()
		if !ok {
			w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		user.Store(u)
		reg.ServeHTTP(w, r)
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	img, err := random.Image(32, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := &Resolver{}
	if _, err := r.Resolve(context.Background(), host+"/app:v1"); err == nil {
		t.Fatal("resolved without credentials")
	}
	ref, _ := name.ParseReference(host + "/app:v1")
	if err := remote.Write(ref, img, remote.WithAuth(basic{})); err != nil {
		t.Fatal(err)
	}
	r = &Resolver{Source: source.Options{Username: "ci", Password: "secret"}}
	if _, err := r.Resolve(context.Background(), host+"/app:v1"); err != nil {
		t.Fatal(err)
	}
	if user.Load() != "ci" {
		t.Errorf("registry saw user %v, want ci", user.Load())
	}
}

type basic struct{}

func (basic) Authorization() (*authn.AuthConfig, error) {
	return &authn.AuthConfig{Username: "pusher", Password: "x"}, nil
}
