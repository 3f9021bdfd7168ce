package source

import (
	"bytes"
	"fmt"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
)

// BuildKit marks the attestation manifests of an index with these
// annotations; the digest names the image manifest they are about.
const (
	referenceTypeAnnotation   = "vnd.docker.reference.type"
	referenceDigestAnnotation = "vnd.docker.reference.digest"
	attestationManifestType   = "attestation-manifest"
	inTotoMediaType           = "application/vnd.in-toto+json"
)

// Limits on attestations: a statement blob is a few KiB to a few hundred
// KiB (SBOMs of large images); more is hostile.
const (
	maxAttestationSize = 4 << 20
	maxAttestations    = 64
)

// blobCheck refuses a blob before it is read, for stores where descriptors
// may lie about sizes; nil when the store bounds reads itself.
type blobCheck func(h v1.Hash, max int64) error

// readAttestations reads the attestation manifests idx holds for the image
// digest into out. Failures are recorded in out.ProvenanceErrors: they never
// fail the inspection.
func readAttestations(idx v1.ImageIndex, im *v1.IndexManifest, digest string, check blobCheck, out *Image) {
	for _, d := range im.Manifests {
		if d.Annotations[referenceTypeAnnotation] != attestationManifestType || d.Annotations[referenceDigestAnnotation] != digest {
			continue
		}
		atts, err := readAttestationManifest(idx, d, check, maxAttestations-len(out.Attestations))
		out.Attestations = append(out.Attestations, atts...)
		if err != nil {
			out.ProvenanceErrors = append(out.ProvenanceErrors, fmt.Sprintf("attestation manifest %s: %v", d.Digest, err))
		}
	}
}

// readAttestationManifest reads up to room in-toto statements from the
// attestation manifest d, each bounded and digest-verified.
func readAttestationManifest(idx v1.ImageIndex, d v1.Descriptor, check blobCheck, room int) ([]facts.Attestation, error) {
	if d.Size > maxManifestSize {
		return nil, fmt.Errorf("manifest is %d bytes, larger than the limit of %d", d.Size, maxManifestSize)
	}
	if check != nil {
		if err := check(d.Digest, maxManifestSize); err != nil {
			return nil, err
		}
	}
	img, err := idx.Image(d.Digest)
	if err != nil {
		return nil, fmt.Errorf("opening: %w", err)
	}
	raw, err := img.RawManifest()
	if err != nil {
		return nil, fmt.Errorf("reading: %w", err)
	}
	if len(raw) > maxManifestSize {
		return nil, fmt.Errorf("manifest is larger than %d bytes", maxManifestSize)
	}
	if err := verifyDigest(raw, d.Digest, "attestation manifest"); err != nil {
		return nil, err
	}
	m, err := v1.ParseManifest(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parsing: %w", err)
	}
	var out []facts.Attestation
	for _, l := range m.Layers {
		if string(l.MediaType) != inTotoMediaType {
			continue
		}
		if len(out) >= room {
			return out, fmt.Errorf("more than %d attestations, the rest were not read", maxAttestations)
		}
		a, err := readStatement(img, l, check)
		if err != nil {
			return out, fmt.Errorf("statement %s: %w", l.Digest, err)
		}
		a.Manifest = d.Digest.String()
		out = append(out, a)
	}
	return out, nil
}

// readStatement reads and parses one statement blob of an attestation
// manifest.
func readStatement(img v1.Image, l v1.Descriptor, check blobCheck) (facts.Attestation, error) {
	if l.Size > maxAttestationSize {
		return facts.Attestation{}, fmt.Errorf("%d bytes, larger than the limit of %d", l.Size, maxAttestationSize)
	}
	if check != nil {
		if err := check(l.Digest, maxAttestationSize); err != nil {
			return facts.Attestation{}, err
		}
	}
	layer, err := img.LayerByDigest(l.Digest)
	if err != nil {
		return facts.Attestation{}, fmt.Errorf("opening: %w", err)
	}
	rc, err := layer.Compressed()
	if err != nil {
		return facts.Attestation{}, fmt.Errorf("opening: %w", err)
	}
	defer rc.Close()
	b, err := readLimited(rc, maxAttestationSize, "statement")
	if err != nil {
		return facts.Attestation{}, err
	}
	if err := verifyDigest(b, l.Digest, "statement"); err != nil {
		return facts.Attestation{}, err
	}
	a, err := ParseStatement(b)
	if err != nil {
		return facts.Attestation{}, err
	}
	a.Blob = l.Digest.String()
	return a, nil
}
