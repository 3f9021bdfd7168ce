package facts

import (
	"encoding/json"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

// Reference says what the user asked for and how customs understood it.
type Reference struct {
	// Input is the reference as typed.
	Input string
	// Source is registry, docker-archive, oci or docker-daemon.
	Source string
	// Name is the fully qualified name for registry and daemon references
	// (docker.io/library/nginx:latest), empty for files without a tag.
	Name string
	// Registry and Repository split Name ("index.docker.io", "library/nginx").
	Registry   string
	Repository string
	// Tag is the tag asked for, empty when the reference has none.
	Tag string
	// Digest is the digest written in the reference, if any.
	Digest string
	// ImplicitTag is true when the user gave no tag and "latest" was assumed.
	ImplicitTag bool
	// RepoTags are the names recorded in an archive or by the engine.
	RepoTags []string
}

// Image is everything known about one image before any check runs.
type Image struct {
	Ref Reference
	// Digest is the manifest digest; IndexDigest the index it was chosen from.
	Digest      string
	IndexDigest string
	Platform    string
	Platforms   []string
	MediaType   string
	ConfigID    string
	// ManifestSize is the size of the image manifest in bytes;
	// IndexMediaType and IndexSize describe the index it was chosen from.
	// Signatures name their target by digest, media type and size.
	ManifestSize   int64
	IndexMediaType string
	IndexSize      int64
	Manifest       *v1.Manifest
	Config         *v1.ConfigFile
	Layers         []Layer
	FS             *FS
	OS             OS
	// Surface lists the shells, package managers, compilers, interpreters
	// and network tools of the final filesystem, found once per image.
	Surface []report.Component
	// IndexManifest is the index the image was chosen from, nil when the
	// image was not reached through an index.
	IndexManifest *v1.IndexManifest
	// Attestations are the in-toto statements attached to the image in its
	// index (BuildKit attestation manifests), digest-verified and bounded.
	Attestations []Attestation
	// Referrers are the artifacts a registry lists as referring to the
	// image or its index (signatures, SBOMs, attestations), unverified.
	Referrers []Referrer
	// ProvenanceErrors say what could not be read about attestations and
	// referrers; reading them never fails an inspection.
	ProvenanceErrors []string
	// Packages are the packages installed in the final filesystem, each
	// with the layer its metadata file comes from; RemovedPackages those an
	// earlier layer installed and a later one removed. InventoryErrors say
	// which package metadata could not be read.
	Packages        []Package
	RemovedPackages []RemovedPackage
	InventoryErrors []string
	// InventoryTaken is false when the scan read no package metadata at
	// all, so that an empty Packages is not mistaken for an empty image.
	InventoryTaken bool
	// Now is the day the inspection runs, injected so that checks that depend
	// on dates (end of life) give reproducible results.
	Now time.Time
}

// OS is the base operating system as the image's release files describe it.
type OS struct {
	ID         string
	VersionID  string
	PrettyName string
	Family     string
	Distroless bool
	// Scratch is true when the image has no OS files at all.
	Scratch bool
}

// LayerFor returns the layer made by config history step, if any.
func (img *Image) LayerFor(step int) (int, bool) {
	if step < 0 {
		// -1 marks layers whose step is unknown; it names no step.
		return 0, false
	}
	for _, l := range img.Layers {
		if l.HistoryStep == step {
			return l.Index, true
		}
	}
	return 0, false
}

// Read returns the collected content of path in the merged filesystem,
// following symlinks, when the layer pass collected it.
func (img *Image) Read(path string) ([]byte, bool) {
	f, ok := img.FS.Resolve(path)
	if !ok || f.Type != TypeFile || f.Layer >= len(img.Layers) {
		return nil, false
	}
	lf := img.Layers[f.Layer].Facts
	if lf == nil {
		return nil, false
	}
	b, ok := lf.Files[f.Path]
	return b, ok
}

// Attestation is one in-toto statement attached to an image.
type Attestation struct {
	// PredicateType is the statement's predicateType, such as
	// https://slsa.dev/provenance/v0.2 or https://spdx.dev/Document.
	PredicateType string
	// Subjects are the digests the statement is about ("sha256:...").
	Subjects []string
	// Predicate is the raw predicate, bounded by the size of its blob.
	Predicate json.RawMessage
	// Manifest and Blob are the digests of the attestation manifest and of
	// the layer that holds the statement.
	Manifest string
	Blob     string
}

// Referrer is one artifact a registry lists as referring to an image.
type Referrer struct {
	// Subject is the digest referred to: the image's or its index's.
	Subject      string
	Digest       string
	ArtifactType string
	MediaType    string
	Annotations  map[string]string
}
