package source

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/customs-oss/customs/internal/facts"
)

const (
	slsaV02 = "https://slsa.dev/provenance/v0.2"
	spdx    = "https://spdx.dev/Document"
)

var amd64 = &v1.Platform{OS: "linux", Architecture: "amd64"}

// statementFor writes an in-toto statement about digest as BuildKit does.
func statementFor(predicateType string, digest v1.Hash, predicate string) []byte {
	return fmt.Appendf(nil, `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":%q,"subject":[{"name":"pkg:docker/example/app@latest?platform=linux%%2Famd64","digest":{"sha256":%q}}],"predicate":%s}`,
		predicateType, digest.Hex, predicate)
}

// attestationManifest is a BuildKit attestation manifest: an unknown/unknown
// image whose layers are in-toto statements.
func attestationManifest(t testing.TB, statements map[string][]byte) v1.Image {
	t.Helper()
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	img, err := mutate.ConfigFile(img, &v1.ConfigFile{OS: "unknown", Architecture: "unknown", RootFS: v1.RootFS{Type: "layers"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range []string{slsaV02, spdx, "broken"} {
		b, ok := statements[pt]
		if !ok {
			continue
		}
		img, err = mutate.Append(img, mutate.Addendum{
			Layer:       static.NewLayer(b, inTotoMediaType),
			Annotations: map[string]string{"in-toto.io/predicate-type": pt},
			MediaType:   inTotoMediaType,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// attestedIndex is the index BuildKit pushes: the platform image and an
// attestation manifest that refers to refDigest.
func attestedIndex(t testing.TB, img, att v1.Image, refDigest v1.Hash) v1.ImageIndex {
	t.Helper()
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	return mutate.AppendManifests(idx,
		mutate.IndexAddendum{Add: img, Descriptor: v1.Descriptor{Platform: amd64}},
		mutate.IndexAddendum{Add: att, Descriptor: v1.Descriptor{
			Platform: &v1.Platform{OS: "unknown", Architecture: "unknown"},
			Annotations: map[string]string{
				referenceTypeAnnotation:   attestationManifestType,
				referenceDigestAnnotation: refDigest.String(),
			},
		}})
}

type attestationCase struct {
	name       string
	statements func(img v1.Hash) map[string][]byte
	otherRef   bool
	want       []string // predicate types read
	wantErr    string   // substring of the one provenance error, if any
}

func attestationCases() []attestationCase {
	return []attestationCase{
		{
			name: "provenance and sbom",
			statements: func(h v1.Hash) map[string][]byte {
				return map[string][]byte{
					slsaV02: statementFor(slsaV02, h, `{"builder":{"id":""},"buildType":"https://mobyproject.org/buildkit@v1"}`),
					spdx:    statementFor(spdx, h, `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT"}`),
				}
			},
			want: []string{slsaV02, spdx},
		},
		{
			name: "giant statement",
			statements: func(h v1.Hash) map[string][]byte {
				return map[string][]byte{slsaV02: statementFor(slsaV02, h, `"`+strings.Repeat("A", maxAttestationSize)+`"`)}
			},
			wantErr: "larger than the limit",
		},
		{
			name: "malformed statement",
			statements: func(h v1.Hash) map[string][]byte {
				return map[string][]byte{slsaV02: statementFor(slsaV02, h, `{"builder":`)}
			},
			wantErr: "parsing in-toto statement",
		},
		{
			name: "attestation of another image",
			statements: func(h v1.Hash) map[string][]byte {
				return map[string][]byte{slsaV02: statementFor(slsaV02, h, `{}`)}
			},
			otherRef: true,
		},
	}
}

func buildCase(t *testing.T, tt attestationCase) (v1.ImageIndex, v1.Hash) {
	t.Helper()
	img := smallImage(t, "app")
	h := mustDigest(t, img)
	ref := h
	if tt.otherRef {
		ref = mustDigest(t, smallImage(t, "other"))
	}
	return attestedIndex(t, img, attestationManifest(t, tt.statements(h)), ref), h
}

func checkAttestations(t *testing.T, got *Image, tt attestationCase, h v1.Hash) {
	t.Helper()
	if got.Digest != h.String() {
		t.Fatalf("Digest = %s, want %s", got.Digest, h)
	}
	if got.IndexManifest == nil || len(got.IndexManifest.Manifests) != 2 {
		t.Fatalf("IndexManifest = %+v, want the two-entry index", got.IndexManifest)
	}
	var types []string
	for _, a := range got.Attestations {
		types = append(types, a.PredicateType)
		if diff := cmp.Diff([]string{h.String()}, a.Subjects); diff != "" {
			t.Errorf("subjects of %s (-want +got):\n%s", a.PredicateType, diff)
		}
		if a.Manifest == "" || a.Blob == "" || len(a.Predicate) == 0 {
			t.Errorf("attestation %s lacks its digests or predicate: %+v", a.PredicateType, a)
		}
	}
	if diff := cmp.Diff(tt.want, types, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("predicate types (-want +got):\n%s", diff)
	}
	switch {
	case tt.wantErr == "" && len(got.ProvenanceErrors) > 0:
		t.Errorf("unexpected provenance errors: %q", got.ProvenanceErrors)
	case tt.wantErr != "" && (len(got.ProvenanceErrors) != 1 || !strings.Contains(got.ProvenanceErrors[0], tt.wantErr)):
		t.Errorf("provenance errors = %q, want one containing %q", got.ProvenanceErrors, tt.wantErr)
	}
}

// tagged writes idx to an OCI layout under a ref.name, as buildx does.
func tagged(t *testing.T, idx v1.ImageIndex) string {
	t.Helper()
	return writeLayout(t, mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: idx,
		Descriptor: v1.Descriptor{Annotations: map[string]string{refNameAnnotation: "example.com/app:1"}}}))
}

func TestLayoutAttestations(t *testing.T) {
	for _, tt := range attestationCases() {
		t.Run(tt.name, func(t *testing.T) {
			idx, h := buildCase(t, tt)
			dir := tagged(t, idx)
			got, err := Open(context.Background(), "oci:"+dir, Options{Platform: amd64})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			checkAttestations(t, got, tt, h)
		})
	}
}

func TestRegistryAttestations(t *testing.T) {
	for _, tt := range attestationCases() {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(registry.New(registry.Logger(discardLogger()), registry.WithReferrersSupport(true)))
			defer srv.Close()
			ref := strings.TrimPrefix(srv.URL, "http://") + "/example/app:1"
			idx, h := buildCase(t, tt)
			if err := remote.WriteIndex(mustRef(t, ref), idx); err != nil {
				t.Fatal(err)
			}
			got, err := Open(context.Background(), ref, Options{Platform: amd64})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			checkAttestations(t, got, tt, h)
		})
	}
}

// signature is an artifact referring to subject, shaped like a cosign
// signature pushed with the OCI 1.1 subject field.
func signature(t testing.TB, subject v1.Image) v1.Image {
	t.Helper()
	sig := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	sig = mutate.ConfigMediaType(sig, "application/vnd.dev.cosign.artifact.sig.v1+json")
	sig = mutate.Annotations(sig, map[string]string{"org.opencontainers.image.created": "2025-01-01T00:00:00Z"}).(v1.Image)
	d, err := partialDescriptor(subject)
	if err != nil {
		t.Fatal(err)
	}
	return mutate.Subject(sig, *d).(v1.Image)
}

func partialDescriptor(img v1.Image) (*v1.Descriptor, error) {
	d, err := img.Digest()
	if err != nil {
		return nil, err
	}
	mt, err := img.MediaType()
	if err != nil {
		return nil, err
	}
	sz, err := img.Size()
	if err != nil {
		return nil, err
	}
	return &v1.Descriptor{Digest: d, MediaType: mt, Size: sz}, nil
}

func TestRegistryReferrers(t *testing.T) {
	for _, api := range []bool{true, false} {
		t.Run(fmt.Sprintf("referrers api %v", api), func(t *testing.T) {
			srv := httptest.NewServer(registry.New(registry.Logger(discardLogger()), registry.WithReferrersSupport(api)))
			defer srv.Close()
			repo := strings.TrimPrefix(srv.URL, "http://") + "/example/app"
			img := smallImage(t, "app")
			if err := remote.Write(mustRef(t, repo+":1"), img); err != nil {
				t.Fatal(err)
			}
			sig := signature(t, img)
			sigDigest := mustDigest(t, sig)
			if err := remote.Write(mustRef(t, repo+"@"+sigDigest.String()), sig); err != nil {
				t.Fatal(err)
			}
			h := mustDigest(t, img)
			if !api {
				// The referrers tag scheme: an index tagged sha256-<hex>.
				d, err := partialDescriptor(sig)
				if err != nil {
					t.Fatal(err)
				}
				d.ArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json"
				d.Annotations = map[string]string{"org.opencontainers.image.created": "2025-01-01T00:00:00Z"}
				fallback := mutate.AppendManifests(mutate.IndexMediaType(empty.Index, types.OCIImageIndex), mutate.IndexAddendum{Add: sig, Descriptor: *d})
				if err := remote.WriteIndex(mustRef(t, repo+":sha256-"+h.Hex), fallback); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Open(context.Background(), repo+":1", Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			want := []facts.Referrer{{
				Subject:      h.String(),
				Digest:       sigDigest.String(),
				ArtifactType: "application/vnd.dev.cosign.artifact.sig.v1+json",
				MediaType:    string(types.OCIManifestSchema1),
				Annotations:  map[string]string{"org.opencontainers.image.created": "2025-01-01T00:00:00Z"},
			}}
			if diff := cmp.Diff(want, got.Referrers); diff != "" {
				t.Errorf("referrers (-want +got):\n%s", diff)
			}
			if len(got.ProvenanceErrors) > 0 {
				t.Errorf("unexpected provenance errors: %q", got.ProvenanceErrors)
			}
		})
	}
}

func TestRegistryReferrersFailureIsRecorded(t *testing.T) {
	reg := newTestRegistry(t)
	repo := reg.host + "/example/app"
	img := smallImage(t, "app")
	if err := remote.Write(mustRef(t, repo+":1"), img); err != nil {
		t.Fatal(err)
	}
	h := mustDigest(t, img)
	reg.mu.Lock()
	reg.replaced["/v2/example/app/manifests/sha256-"+h.Hex] = []byte("{not json")
	reg.mu.Unlock()
	got, err := Open(context.Background(), repo+":1", Options{})
	if err != nil {
		t.Fatalf("a failing referrers listing failed the inspection: %v", err)
	}
	defer got.Close()
	if len(got.ProvenanceErrors) != 1 || !strings.Contains(got.ProvenanceErrors[0], "referrers of "+h.String()) {
		t.Errorf("provenance errors = %q, want one about the referrers of %s", got.ProvenanceErrors, h)
	}
}

func mustRef(t testing.TB, s string) name.Reference {
	t.Helper()
	r, err := name.ParseReference(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLayoutAttestationTampered(t *testing.T) {
	tt := attestationCases()[0]
	idx, h := buildCase(t, tt)
	dir := tagged(t, idx)
	stmt := static.NewLayer(tt.statements(h)[spdx], inTotoMediaType)
	p := blobPath(dir, mustDigest(t, stmt))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Open(context.Background(), "oci:"+dir, Options{Platform: amd64})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	tt.want = []string{slsaV02}
	tt.wantErr = "statement digest mismatch"
	checkAttestations(t, got, tt, h)
}
