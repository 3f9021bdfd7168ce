package signed_test

import (
	"crypto/x509"
	"io"
	"log"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/partial"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/types"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/fetch"
	"github.com/customs-oss/customs/internal/signature/notation"
	"github.com/customs-oss/customs/internal/signature/notation/notationtest"
	"github.com/customs-oss/customs/internal/source"
)

// referrersRegistry starts an in-process registry with the OCI referrers
// API, as notation expects, and returns the repository team/app in it.
func referrersRegistry(t *testing.T) name.Repository {
	t.Helper()
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0)), registry.WithReferrersSupport(true)))
	t.Cleanup(srv.Close)
	repo, err := name.NewRepository(strings.TrimPrefix(srv.URL, "http://") + "/team/app")
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

// manifestOf describes what was pushed: the subject of a signature.
func manifestOf(t *testing.T, m partial.Describable) v1.Descriptor {
	t.Helper()
	d, err := partial.Descriptor(m)
	if err != nil {
		t.Fatal(err)
	}
	return v1.Descriptor{MediaType: d.MediaType, Digest: d.Digest, Size: d.Size}
}

// TestInspectNotation signs images as notation does, stores the signatures
// as OCI referrers and inspects the images with a notation trust policy
// and trust store: a signature by a trusted certificate over the image or
// its index verifies, anything else is Critical with the reason.
func TestInspectNotation(t *testing.T) {
	team, stranger := notationtest.NewPKI(t, "team signer"), notationtest.NewPKI(t, "stranger")
	img := testImage(t)
	idx := mutate.AppendManifests(empty.Index, mutate.IndexAddendum{Add: img,
		Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: "linux", Architecture: "amd64"}}})
	jws, cose := signature.NotationJWSMediaType, signature.NotationCOSEMediaType
	elsewhere := v1.Descriptor{MediaType: types.OCIManifestSchema1, Digest: v1.Hash{Algorithm: "sha256", Hex: strings.Repeat("ab", 32)}, Size: 100}
	strict := func(scope string) notationtest.Statement {
		return notationtest.Statement{Name: "team", Level: "strict", Store: "team", Scopes: []string{scope}}
	}
	const signer = "CN=team signer,O=customs test"
	const prefix = "critical: notation signature does not verify with notation trust policy \"team\": "
	tests := []struct {
		name   string
		index  bool
		pki    notationtest.PKI
		mt     string
		signs  func(subject v1.Descriptor) v1.Descriptor
		policy func(repo string) notationtest.Statement
		want   string
	}{
		{"jws", false, team, jws, nil, strict, "info: signed, verified: notation signature by " + signer + " over sha256:"},
		{"cose", false, team, cose, nil, strict, "info: signed, verified: notation signature by " + signer + " over sha256:"},
		{"index", true, team, cose, nil, func(string) notationtest.Statement { return strict("*") },
			"info: signed, verified: notation signature by " + signer + " over sha256:"},
		{"certificate not in the trust store", false, stranger, jws, nil, strict,
			prefix + "trust policy \"team\" (level strict): the signature's certificate chain does not contain any trusted certificate"},
		{"signature over another image", false, team, jws, func(v1.Descriptor) v1.Descriptor { return elsewhere }, strict,
			prefix + "it is by " + signer + ", but the signature covers another image: it signs sha256:" + strings.Repeat("ab", 32) + ", not sha256:"},
		{"scope does not cover the image", false, team, jws, nil, func(repo string) notationtest.Statement { return strict(repo + "-other") },
			prefix + "no statement of the trust policy has a registry scope covering "},
		{"skip", false, stranger, cose, nil, func(repo string) notationtest.Statement {
			return notationtest.Statement{Name: "team", Level: "skip", Scopes: []string{repo}}
		}, `low: signed, not verified: notation signature (trust policy "team" has verification level skip`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := referrersRegistry(t)
			tag := repo.Tag("v1")
			var subject v1.Descriptor
			if tt.index {
				if err := remote.WriteIndex(tag, idx); err != nil {
					t.Fatal(err)
				}
				subject = manifestOf(t, idx)
			} else {
				if err := remote.Write(tag, img); err != nil {
					t.Fatal(err)
				}
				subject = manifestOf(t, img)
			}
			signed := subject
			if tt.signs != nil {
				signed = tt.signs(subject)
			}
			notationtest.Push(t, repo, subject, tt.pki.Sign(t, notationtest.Descriptor(signed), tt.mt), tt.mt)

			dir := t.TempDir()
			notationtest.WriteConfig(t, dir, notationtest.Policy(t, tt.policy(repo.Name())), map[string]*x509.Certificate{"team": team.Root})
			c, err := notation.Locate(dir)
			if err != nil {
				t.Fatal(err)
			}
			n, err := notation.Load(c)
			if err != nil {
				t.Fatal(err)
			}
			env := check.Env{Signatures: fetch.New(source.Options{}), Verifiers: []signature.Verifier{n.In(repo.Name())}}
			got := inspect(t, tag.String(), env)
			if msg := got["signed/signature"]; strings.HasPrefix(msg, tt.want) {
				got["signed/signature"] = tt.want
			}
			if diff := cmp.Diff(map[string]string{"signed/signature": tt.want}, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
