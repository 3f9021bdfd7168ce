package notationtest

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/static"
	"github.com/google/go-containerregistry/pkg/v1/types"
	"github.com/opencontainers/go-digest"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"
)

// ArtifactType is the artifact type, and config media type, of the
// manifest notation stores a signature in.
const ArtifactType = "application/vnd.cncf.notary.signature"

// Descriptor is the OCI descriptor of a manifest as notation signs it.
func Descriptor(d v1.Descriptor) ocispec.Descriptor {
	return ocispec.Descriptor{MediaType: string(d.MediaType), Digest: digest.Digest(d.Digest.String()), Size: d.Size}
}

// Push stores envelope as notation does: an image manifest whose config
// has the notary signature media type, with one layer holding the
// envelope and subject naming the signed manifest. Where the registry has
// no referrers API, go-containerregistry also updates the referrers tag
// sha256-<hex> of the subject. It returns the signature manifest digest.
func Push(t testing.TB, repo name.Repository, subject v1.Descriptor, envelope []byte, mediaType string, opts ...remote.Option) v1.Hash {
	t.Helper()
	config := static.NewLayer([]byte("{}"), ArtifactType)
	layer := static.NewLayer(envelope, types.MediaType(mediaType))
	var descs []v1.Descriptor
	for _, l := range []v1.Layer{config, layer} {
		if err := remote.WriteLayer(repo, l, opts...); err != nil {
			t.Fatal(err)
		}
		d, err := l.Digest()
		if err != nil {
			t.Fatal(err)
		}
		mt, err := l.MediaType()
		if err != nil {
			t.Fatal(err)
		}
		size, err := l.Size()
		if err != nil {
			t.Fatal(err)
		}
		descs = append(descs, v1.Descriptor{MediaType: mt, Digest: d, Size: size})
	}
	m := v1.Manifest{
		SchemaVersion: 2,
		MediaType:     types.OCIManifestSchema1,
		Config:        descs[0],
		Layers:        descs[1:],
		Subject:       &v1.Descriptor{MediaType: subject.MediaType, Digest: subject.Digest, Size: subject.Size},
	}
	raw, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := v1.SHA256(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Put(repo.Digest(h.String()), rawManifest(raw), opts...); err != nil {
		t.Fatal(err)
	}
	return h
}

// rawManifest is an OCI image manifest as bytes, for remote.Put.
type rawManifest []byte

func (r rawManifest) RawManifest() ([]byte, error) { return r, nil }

func (rawManifest) MediaType() (types.MediaType, error) { return types.OCIManifestSchema1, nil }
