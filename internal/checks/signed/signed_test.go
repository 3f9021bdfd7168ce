package signed_test

import (
	"context"
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	sigstore "github.com/sigstore/sigstore/pkg/signature"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/signed"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/fetch"
	"github.com/customs-oss/customs/internal/source"
	"github.com/customs-oss/customs/internal/walk"
)

// keyPair is a signing key as cosign generates it and its public key as
// customs reads it.
type keyPair struct {
	signer sigstore.Signer
	key    *signature.Key
}

func newKeyPair(t *testing.T) keyPair {
	t.Helper()
	s, pemBytes := imagetest.CosignKey(t)
	k, err := signature.ParseKey(pemBytes)
	if err != nil {
		t.Fatal(err)
	}
	return keyPair{s, k}
}

// sign pushes a cosign signature image for subject, signing a payload that
// names signed (the subject itself unless the payload is tampered with).
func sign(t *testing.T, kp keyPair, subject, signed name.Digest) {
	t.Helper()
	img := imagetest.CosignSignature(t, kp.signer, signed, nil)
	tag := subject.Context().Tag(strings.Replace(subject.DigestStr(), ":", "-", 1) + ".sig")
	if err := remote.Write(tag, img); err != nil {
		t.Fatal(err)
	}
}

func testImage(t *testing.T) v1.Image {
	t.Helper()
	return imagetest.Image(t, v1.Config{Cmd: []string{"/app"}},
		imagetest.Step{CreatedBy: "COPY app /", Layer: imagetest.Layer(t, imagetest.Exec("app", "#!/bin/sh\n"))})
}

// registryTag starts an in-process registry and returns the tag repo:v1
// in it.
func registryTag(t *testing.T) name.Tag {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	t.Cleanup(srv.Close)
	tag, err := name.NewTag(strings.TrimPrefix(srv.URL, "http://") + "/team/app:v1")
	if err != nil {
		t.Fatal(err)
	}
	return tag
}

// push stores img at repo:v1 in a fresh registry and returns the tag and
// the image's digest reference.
func push(t *testing.T, img v1.Image) (name.Tag, name.Digest) {
	t.Helper()
	tag := registryTag(t)
	if err := remote.Write(tag, img); err != nil {
		t.Fatal(err)
	}
	d, err := img.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return tag, tag.Context().Digest(d.String())
}

// pushIndex stores idx at repo:v1 in a fresh registry and returns the tag
// and the index's digest reference.
func pushIndex(t *testing.T, idx v1.ImageIndex) (name.Tag, name.Digest) {
	t.Helper()
	tag := registryTag(t)
	if err := remote.WriteIndex(tag, idx); err != nil {
		t.Fatal(err)
	}
	d, err := idx.Digest()
	if err != nil {
		t.Fatal(err)
	}
	return tag, tag.Context().Digest(d.String())
}

func inspect(t *testing.T, ref string, env check.Env) map[string]string {
	t.Helper()
	r, err := scan.Inspect(context.Background(), ref, scan.Options{
		Checks:   signed.Checks(),
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) },
		CacheDir: t.TempDir(),
		Env:      env,
		Source:   source.Options{Platform: &v1.Platform{OS: "linux", Architecture: "amd64"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, st := range r.Checks {
		if st.Status != report.StatusOK {
			got[st.ID] = "status " + string(st.Status) + ": " + st.Error
		}
	}
	for _, f := range r.Findings {
		got[f.Check] = f.Severity.String() + ": " + f.Message
	}
	return got
}

// TestInspect signs images as cosign does, pushes them to an in-process
// registry and inspects them: a signature by the given key over the image's
// digest verifies, anything else is Critical, and images without a
// registry or inspected offline say what was not checked.
func TestInspect(t *testing.T) {
	kp, other := newKeyPair(t), newKeyPair(t)
	img := testImage(t)
	online := func(k *signature.Key) check.Env {
		env := check.Env{Signatures: fetch.New(source.Options{})}
		if k != nil {
			env.Verifiers = []signature.Verifier{k}
		}
		return env
	}
	tests := []struct {
		name  string
		setup func(t *testing.T) string
		env   check.Env
		want  map[string]string // check -> severity and message prefix
	}{
		{"verified", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, kp, d, d)
			return tag.String()
		}, online(kp.key), map[string]string{"signed/signature": "info: signed, verified: cosign signature by key " + kp.key.Fingerprint}},
		{"index signed", func(t *testing.T) string {
			idx := mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img,
				Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: "linux", Architecture: "amd64"}}})
			tag, d := pushIndex(t, idx)
			sign(t, kp, d, d)
			return tag.String()
		}, online(kp.key), map[string]string{"signed/signature": "info: signed, verified: cosign signature by key " + kp.key.Fingerprint}},
		{"no key", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, kp, d, d)
			return tag.String()
		}, online(nil), map[string]string{"signed/signature": "low: signed, not verified: no trust material given"}},
		{"wrong key", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, other, d, d)
			return tag.String()
		}, online(kp.key), map[string]string{"signed/signature": "critical: cosign signature does not verify with key " + kp.key.Fingerprint + ": signature does not match key"}},
		{"payload for another image", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, kp, d, d.Context().Digest("sha256:"+strings.Repeat("ab", 32)))
			return tag.String()
		}, online(kp.key), map[string]string{"signed/signature": "critical: cosign signature does not verify with key " + kp.key.Fingerprint + ": it is by key " + kp.key.Fingerprint + ", but the signature covers another image"}},
		{"unsigned", func(t *testing.T) string {
			tag, _ := push(t, img)
			return tag.String()
		}, online(kp.key), map[string]string{"signed/unsigned": "high: no signature found",
			"signed/signature": "critical: no signature to verify: key " + kp.key.Fingerprint + " was required"}},
		{"offline", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, kp, d, d)
			return tag.String()
		}, check.Env{Offline: true, Verifiers: []signature.Verifier{kp.key}}, map[string]string{"signed/unsigned": "info: not checked: offline"}},
		{"offline reads the image's own registry", func(t *testing.T) string {
			tag, d := push(t, img)
			sign(t, kp, d, d)
			return tag.String()
		}, func() check.Env { e := online(kp.key); e.Offline = true; return e }(),
			map[string]string{"signed/signature": "info: signed, verified: cosign signature by key " + kp.key.Fingerprint}},
		{"layout", func(t *testing.T) string {
			return imagetest.Layout(t, img, "team/app:v1")
		}, online(kp.key), map[string]string{"signed/unsigned": "info: signatures not checked: the source has no registry"}},
		{"archive", func(t *testing.T) string {
			return "docker-archive:" + imagetest.Archive(t, img, "team/app:v1")
		}, online(kp.key), map[string]string{"signed/unsigned": "info: signatures not checked: the source has no registry"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inspect(t, tt.setup(t), tt.env)
			for id, msg := range got {
				if want, ok := tt.want[id]; ok && strings.HasPrefix(msg, want) {
					got[id] = want
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
