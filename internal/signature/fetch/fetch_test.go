package fetch

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/source"
)

var subject = "sha256:" + strings.Repeat("ab", 32)

// sigImage is a signature image with one layer per payload, each of the
// given media type and annotated with a signature.
func sigImage(t *testing.T, mt types.MediaType, payloads ...[]byte) v1.Image {
	t.Helper()
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	for _, p := range payloads {
		var err error
		img, err = mutate.Append(img, mutate.Addendum{
			Layer:       static.NewLayer(p, mt),
			Annotations: map[string]string{signature.SignatureAnnotation: "c2ln"},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// envelopeImage is a referrer artifact holding one envelope layer, as
// cosign stores a sigstore bundle and notation a signature envelope.
func envelopeImage(t *testing.T, mt types.MediaType, body []byte) v1.Image {
	t.Helper()
	img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1), mutate.Addendum{Layer: static.NewLayer(body, mt)})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func startRegistry(t *testing.T) name.Repository {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	t.Cleanup(srv.Close)
	repo, err := name.NewRepository(strings.TrimPrefix(srv.URL, "http://") + "/team/app")
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

func TestFetch(t *testing.T) {
	small := []byte(`{"critical":{}}`)
	refSig := sigImage(t, signature.SimpleSigningMediaType, small)
	refDigest, err := refSig.Digest()
	if err != nil {
		t.Fatal(err)
	}
	bundleBody := []byte(`{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}`)
	bundleImg := envelopeImage(t, signature.BundleMediaType, bundleBody)
	bundleDigest, err := bundleImg.Digest()
	if err != nil {
		t.Fatal(err)
	}
	jws := []byte(`{"payload":"e30","protected":"e30","signature":"c2ln"}`)
	notationImg := envelopeImage(t, signature.NotationJWSMediaType, jws)
	notationDigest, err := notationImg.Digest()
	if err != nil {
		t.Fatal(err)
	}
	keyless := map[string]string{
		signature.SignatureAnnotation:   "c2ln",
		signature.CertificateAnnotation: "-----BEGIN CERTIFICATE-----\n",
		signature.ChainAnnotation:       "-----BEGIN CERTIFICATE-----\n",
		signature.RekorBundleAnnotation: `{"SignedEntryTimestamp":"c2V0"}`,
	}
	tests := []struct {
		name    string
		store   func(t *testing.T, repo name.Repository) []facts.Referrer
		want    []signature.Signature
		wantErr string
	}{
		{"none", func(*testing.T, name.Repository) []facts.Referrer { return nil }, nil, ""},
		{"sig tag", func(t *testing.T, repo name.Repository) []facts.Referrer {
			img, err := mutate.AppendLayers(sigImage(t, signature.SimpleSigningMediaType, small), static.NewLayer([]byte("x"), "text/plain"))
			if err != nil {
				t.Fatal(err)
			}
			write(t, repo.Tag("sha256-"+strings.Repeat("ab", 32)+".sig"), img)
			return nil
		}, []signature.Signature{{Format: signature.FormatSimpleSigning, Payload: small, Base64: "c2ln", Origin: "sha256-" + strings.Repeat("ab", 32) + ".sig"}}, ""},
		{"keyless sig tag", func(t *testing.T, repo name.Repository) []facts.Referrer {
			img, err := mutate.Append(mutate.MediaType(empty.Image, types.OCIManifestSchema1), mutate.Addendum{
				Layer: static.NewLayer(small, signature.SimpleSigningMediaType), Annotations: keyless,
			})
			if err != nil {
				t.Fatal(err)
			}
			write(t, repo.Tag("sha256-"+strings.Repeat("ab", 32)+".sig"), img)
			return nil
		}, []signature.Signature{{
			Format: signature.FormatSimpleSigning, Payload: small, Base64: "c2ln", Origin: "sha256-" + strings.Repeat("ab", 32) + ".sig",
			Certificate: []byte(keyless[signature.CertificateAnnotation]), Chain: []byte(keyless[signature.ChainAnnotation]),
			RekorBundle: []byte(keyless[signature.RekorBundleAnnotation]),
		}}, ""},
		{"referrers", func(t *testing.T, repo name.Repository) []facts.Referrer {
			write(t, repo.Digest(refDigest.String()), refSig)
			write(t, repo.Digest(bundleDigest.String()), bundleImg)
			write(t, repo.Digest(notationDigest.String()), notationImg)
			return []facts.Referrer{
				{Subject: subject, Digest: refDigest.String(), ArtifactType: signature.CosignArtifactType},
				{Subject: subject, Digest: bundleDigest.String(), ArtifactType: signature.BundleMediaType},
				{Subject: subject, Digest: notationDigest.String(), ArtifactType: signature.NotationArtifactType},
				{Subject: subject, Digest: "sha256:" + strings.Repeat("cd", 32), ArtifactType: signature.BundleMediaType},
				{Subject: subject, Digest: "sha256:" + strings.Repeat("ef", 32), ArtifactType: "application/spdx+json"},
			}
		}, []signature.Signature{
			{Format: signature.FormatSimpleSigning, Payload: small, Base64: "c2ln", Origin: "referrer " + refDigest.String()},
			{Format: signature.FormatBundle, Origin: "referrer " + bundleDigest.String(), Envelope: bundleBody, MediaType: signature.BundleMediaType},
			{Format: signature.FormatNotation, Origin: "referrer " + notationDigest.String(), Envelope: jws, MediaType: signature.NotationJWSMediaType},
		}, ""},
		{"payload too large", func(t *testing.T, repo name.Repository) []facts.Referrer {
			write(t, repo.Tag("sha256-"+strings.Repeat("ab", 32)+".sig"),
				sigImage(t, signature.SimpleSigningMediaType, bytes.Repeat([]byte("a"), signature.MaxPayloadSize+1)))
			return nil
		}, nil, "over the"},
		{"too many layers", func(t *testing.T, repo name.Repository) []facts.Referrer {
			var ps [][]byte
			for i := range maxLayers + 1 {
				ps = append(ps, []byte{byte('a' + i)})
			}
			write(t, repo.Tag("sha256-"+strings.Repeat("ab", 32)+".sig"), sigImage(t, signature.SimpleSigningMediaType, ps...))
			return nil
		}, nil, "layers, over the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := startRegistry(t)
			refs := tt.store(t, repo)
			img := &facts.Image{
				Ref:       facts.Reference{Source: "registry", Registry: repo.RegistryStr(), Repository: repo.RepositoryStr()},
				Digest:    subject,
				Referrers: refs,
			}
			got, err := New(source.Options{}).Fetch(context.Background(), img)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Fetch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFetchNeedsRegistry(t *testing.T) {
	_, err := New(source.Options{}).Fetch(context.Background(), &facts.Image{Ref: facts.Reference{Source: "oci"}})
	if err == nil {
		t.Fatal("Fetch of an OCI layout image succeeded")
	}
}

func write(t *testing.T, ref name.Reference, img v1.Image) {
	t.Helper()
	if err := remote.Write(ref, img); err != nil {
		t.Fatal(err)
	}
}

// TestFetchRegistryError checks that a registry failing to answer is an
// error, not an image without signatures.
func TestFetchRegistryError(t *testing.T) {
	reg := registry.New(registry.Logger(log.New(io.Discard, "", 0)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".sig") {
			http.Error(w, `{"errors":[{"code":"DENIED","message":"no"}]}`, http.StatusForbidden)
			return
		}
		reg.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	img := &facts.Image{
		Ref:    facts.Reference{Source: "registry", Registry: strings.TrimPrefix(srv.URL, "http://"), Repository: "team/app"},
		Digest: subject,
	}
	_, err := New(source.Options{}).Fetch(context.Background(), img)
	if err == nil || !strings.Contains(err.Error(), "reading signatures at sha256-") {
		t.Fatalf("err = %v, want a failure to read the signature tag", err)
	}
}
