package source

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// testRegistry is go-containerregistry's in-process registry behind a
// front that can require basic auth, corrupt chosen blobs and manifests,
// replace responses or stall.
type testRegistry struct {
	host       string
	user, pass string
	mu         sync.Mutex
	tampered   map[string]bool   // digests whose content is served altered
	replaced   map[string][]byte // URL paths answered with these bytes
	stall      bool
}

func newTestRegistry(t *testing.T) *testRegistry {
	t.Helper()
	r := &testRegistry{tampered: map[string]bool{}, replaced: map[string][]byte{}}
	srv := httptest.NewServer(r.handler(registry.New(registry.Logger(discardLogger()))))
	t.Cleanup(srv.Close)
	r.host = strings.TrimPrefix(srv.URL, "http://")
	return r
}

func (r *testRegistry) handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		user, pass, stall := r.user, r.pass, r.stall
		replaced, isReplaced := r.replaced[req.URL.Path]
		tampered := r.tampered[req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]]
		r.mu.Unlock()
		if stall {
			<-req.Context().Done()
			return
		}
		if user != "" {
			if u, p, ok := req.BasicAuth(); !ok || u != user || p != pass {
				w.Header().Set("WWW-Authenticate", `Basic realm="test"`)
				http.Error(w, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`, http.StatusUnauthorized)
				return
			}
		}
		if isReplaced && req.Method == http.MethodGet {
			w.Header().Set("Content-Type", string(types.OCIManifestSchema1))
			w.Write(replaced)
			return
		}
		if !tampered || req.Method != http.MethodGet {
			next.ServeHTTP(w, req)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, req)
		body := rec.Body.Bytes()
		if len(body) > 0 {
			body[len(body)/2] ^= 0x01
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}

func (r *testRegistry) set(f func(r *testRegistry)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// push writes img or an index to repo:tag in the registry.
func (r *testRegistry) push(t *testing.T, repo string, v any) name.Reference {
	t.Helper()
	ref, err := name.ParseReference(r.host + "/" + repo)
	if err != nil {
		t.Fatal(err)
	}
	opts := []remote.Option{remote.WithAuth(&authn.Basic{Username: r.user, Password: r.pass})}
	switch v := v.(type) {
	case v1.Image:
		err = remote.Write(ref, v, opts...)
	case v1.ImageIndex:
		err = remote.WriteIndex(ref, v, opts...)
	}
	if err != nil {
		t.Fatalf("pushing %s: %v", ref, err)
	}
	return ref
}

// platformImage is a small image whose config says it runs on p.
func platformImage(t testing.TB, p v1.Platform) v1.Image {
	t.Helper()
	img := smallImage(t, platformString(&p))
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Variant = p.OS, p.Architecture, p.Variant
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// multiPlatform is an index of images for each platform, preceded by an
// attestation manifest like BuildKit writes, and the digest of each image.
func multiPlatform(t testing.TB, platforms ...v1.Platform) (v1.ImageIndex, map[string]string) {
	t.Helper()
	digests := map[string]string{}
	att := smallImage(t, "attestation")
	idx := mutate.AppendManifests(mutate.IndexMediaType(empty.Index, types.OCIImageIndex), mutate.IndexAddendum{
		Add: att,
		Descriptor: v1.Descriptor{
			Platform:    &v1.Platform{OS: "unknown", Architecture: "unknown"},
			Annotations: map[string]string{"vnd.docker.reference.type": "attestation-manifest"},
		},
	})
	digests["attestation"] = mustDigest(t, att).String()
	for _, p := range platforms {
		img := platformImage(t, p)
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Platform: &p}})
		digests[platformString(&p)] = mustDigest(t, img).String()
	}
	return idx, digests
}

func TestOpenRegistryPlatforms(t *testing.T) {
	reg := newTestRegistry(t)
	host := HostPlatform()
	host.Variant = ""
	platforms := []v1.Platform{{OS: "linux", Architecture: "amd64"}, {OS: "linux", Architecture: "arm64"}, {OS: "linux", Architecture: "arm", Variant: "v7"}}
	if host.Architecture != "amd64" && host.Architecture != "arm64" && host.Architecture != "arm" {
		platforms = append(platforms, host)
	}
	idx, digests := multiPlatform(t, platforms...)
	reg.push(t, "multi:1", idx)
	indexDigest := mustDigest(t, idx).String()
	var all []string
	for _, p := range platforms {
		all = append(all, platformString(&p))
	}
	hostArch := platformString(&host)
	if host.Architecture == "arm" {
		hostArch = "linux/arm/v7"
	}
	tests := []struct {
		name         string
		ref          string
		platform     *v1.Platform
		wantPlatform string
		wantIndex    bool
		wantErr      string
	}{
		{name: "host default", ref: reg.host + "/multi:1", wantPlatform: hostArch, wantIndex: true},
		{name: "explicit arm64", ref: reg.host + "/multi:1", platform: &v1.Platform{OS: "linux", Architecture: "arm64"}, wantPlatform: "linux/arm64", wantIndex: true},
		{name: "explicit arm64 v8", ref: reg.host + "/multi:1", platform: &v1.Platform{OS: "linux", Architecture: "arm64", Variant: "v8"}, wantPlatform: "linux/arm64", wantIndex: true},
		{name: "explicit arm v7", ref: reg.host + "/multi:1", platform: &v1.Platform{OS: "linux", Architecture: "arm", Variant: "v7"}, wantPlatform: "linux/arm/v7", wantIndex: true},
		{name: "index by digest", ref: reg.host + "/multi@" + indexDigest, platform: &v1.Platform{OS: "linux", Architecture: "amd64"}, wantPlatform: "linux/amd64", wantIndex: true},
		{name: "image by digest", ref: reg.host + "/multi@" + digests["linux/arm64"], platform: &v1.Platform{OS: "linux", Architecture: "amd64"}, wantPlatform: "linux/arm64"},
		{
			name: "missing platform", ref: reg.host + "/multi:1", platform: &v1.Platform{OS: "linux", Architecture: "s390x"},
			wantErr: "no image for platform linux/s390x in the index (it has " + strings.Join(all, ", ") + "); choose one with --platform",
		},
		{name: "missing tag", ref: reg.host + "/multi:2", wantErr: "fetching " + reg.host + "/multi:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Open(context.Background(), tt.ref, Options{Platform: tt.platform, Keychain: authn.NewMultiKeychain()})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "unknown/unknown") {
					t.Errorf("error %q lists the attestation manifest as a platform", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer img.Close()
			if img.Platform != tt.wantPlatform || img.Digest != digests[tt.wantPlatform] {
				t.Errorf("got %s %s, want %s %s", img.Platform, img.Digest, tt.wantPlatform, digests[tt.wantPlatform])
			}
			if tt.wantIndex {
				if img.IndexDigest != indexDigest || strings.Join(img.Platforms, ", ") != strings.Join(all, ", ") {
					t.Errorf("index %s platforms %v, want %s %v", img.IndexDigest, img.Platforms, indexDigest, all)
				}
			} else if img.IndexDigest != "" || img.Platforms != nil {
				t.Errorf("an image by digest reports index %q platforms %v", img.IndexDigest, img.Platforms)
			}
			if img.Config.Architecture != strings.Split(tt.wantPlatform, "/")[1] {
				t.Errorf("config architecture %q for platform %s", img.Config.Architecture, tt.wantPlatform)
			}
			if img.Ref.Source != KindRegistry || img.Ref.Registry != reg.host || img.Ref.Repository != "multi" {
				t.Errorf("Ref = %+v", img.Ref)
			}
		})
	}
}

// TestOpenRegistryTampered serves altered bytes for one manifest or blob;
// the error must name the digest that did not verify.
func TestOpenRegistryTampered(t *testing.T) {
	tests := []struct {
		name string
		// target picks the digest to tamper with.
		target func(t *testing.T, img v1.Image) v1.Hash
		// atOpen is true when Open itself must fail; otherwise reading the
		// layer must.
		atOpen bool
	}{
		{
			name:   "config",
			target: func(t *testing.T, img v1.Image) v1.Hash { return mustConfigName(t, img) },
			atOpen: true,
		},
		{
			name: "layer",
			target: func(t *testing.T, img v1.Image) v1.Hash {
				ls, err := img.Layers()
				if err != nil {
					t.Fatal(err)
				}
				return mustDigest(t, ls[0])
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := newTestRegistry(t)
			img := smallImage(t, "tampered-"+tt.name)
			reg.push(t, "app:1", img)
			h := tt.target(t, img)
			reg.set(func(r *testRegistry) { r.tampered[h.String()] = true })
			src, err := Open(context.Background(), reg.host+"/app:1", Options{Keychain: authn.NewMultiKeychain()})
			if tt.atOpen {
				if err == nil {
					src.Close()
					t.Fatal("Open succeeded")
				}
				if !strings.Contains(err.Error(), h.String()) {
					t.Errorf("error %q does not name %s", err, h)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			rc, err := src.Layers[0].Open()
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
				rc.Close()
			}
			if err == nil {
				t.Fatal("reading the tampered layer succeeded")
			}
			if !strings.Contains(err.Error(), h.String()) {
				t.Errorf("error %q does not name %s", err, h)
			}
		})
	}
}

// TestOpenRegistryTamperedManifest alters a platform manifest fetched by
// digest from an index.
func TestOpenRegistryTamperedManifest(t *testing.T) {
	reg := newTestRegistry(t)
	idx, digests := multiPlatform(t, v1.Platform{OS: "linux", Architecture: "arm64"})
	reg.push(t, "multi:1", idx)
	want := digests["linux/arm64"]
	reg.set(func(r *testRegistry) { r.tampered[want] = true })
	src, err := Open(context.Background(), reg.host+"/multi:1", Options{Platform: &v1.Platform{OS: "linux", Architecture: "arm64"}, Keychain: authn.NewMultiKeychain()})
	if err == nil {
		src.Close()
		t.Fatal("Open succeeded")
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name %s", err, want)
	}
}

func TestOpenRegistryOversizedManifest(t *testing.T) {
	reg := newTestRegistry(t)
	huge := append([]byte(`{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,"digest":"sha256:`+strings.Repeat("0", 64)+`"},"layers":[]`), bytes.Repeat([]byte(" "), maxManifestSize)...)
	huge = append(huge, '}')
	reg.set(func(r *testRegistry) { r.replaced["/v2/big/manifests/1"] = huge })
	src, err := Open(context.Background(), reg.host+"/big:1", Options{Keychain: authn.NewMultiKeychain()})
	if err == nil {
		src.Close()
		t.Fatal("Open succeeded")
	}
	if !strings.Contains(err.Error(), "manifest is larger than 4194304 bytes") {
		t.Errorf("error %q does not say the manifest is too large", err)
	}
}

func TestOpenRegistryAuth(t *testing.T) {
	reg := newTestRegistry(t)
	reg.set(func(r *testRegistry) { r.user, r.pass = "ci", "s3cret-token" })
	img := smallImage(t, "private")
	reg.push(t, "private/app:1", img)
	want := mustDigest(t, img).String()
	tests := []struct {
		name    string
		opt     Options
		wantErr string
	}{
		{name: "username and password", opt: Options{Username: "ci", Password: "s3cret-token"}},
		{name: "keychain", opt: Options{Keychain: staticKeychain{&authn.Basic{Username: "ci", Password: "s3cret-token"}}}},
		{name: "username and password win over the keychain", opt: Options{Username: "ci", Password: "s3cret-token", Keychain: authn.NewMultiKeychain()}},
		{name: "wrong password", opt: Options{Username: "ci", Password: "wrong"}, wantErr: "check --username/--password-stdin"},
		{name: "anonymous", opt: Options{Keychain: authn.NewMultiKeychain()}, wantErr: "UNAUTHORIZED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Open(context.Background(), reg.host+"/private/app:1", tt.opt)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), tt.opt.Password) && tt.opt.Password != "" {
					t.Errorf("error %q shows the password", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			if src.Digest != want {
				t.Errorf("digest %s, want %s", src.Digest, want)
			}
		})
	}
}

// TestOpenRegistryStalled checks that a registry that never answers is
// abandoned when the context ends.
func TestOpenRegistryStalled(t *testing.T) {
	reg := newTestRegistry(t)
	reg.set(func(r *testRegistry) { r.stall = true })
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	src, err := Open(ctx, reg.host+"/app:1", Options{Keychain: authn.NewMultiKeychain()})
	if err == nil {
		src.Close()
		t.Fatal("Open succeeded")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Open took %v to give up", d)
	}
	if !strings.Contains(err.Error(), "context deadline exceeded") {
		t.Errorf("error %q does not say the time ran out", err)
	}
}
