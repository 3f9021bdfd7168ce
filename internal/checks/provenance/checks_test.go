package provenance

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

const repoURL = "https://github.com/example/app"

func TestLabels(t *testing.T) {
	annotated := image(nil)
	annotated.Manifest.Annotations = map[string]string{keyRevision: "3f2c9a0"}
	annotated.IndexManifest.Annotations = map[string]string{keySource: repoURL, keyRevision: "ignored: the manifest wins"}
	tests := []struct {
		name string
		img  *facts.Image
		want []brief
	}{
		{
			name: "nothing recorded",
			img:  image(nil),
			want: []brief{{report.SeverityLow, "no source or revision recorded: the build cannot be traced to its code", report.Evidence{ConfigKey: "config.Labels"}}},
		},
		{
			name: "only publisher labels",
			img:  image(map[string]string{"org.opencontainers.image.vendor": "Example", "org.opencontainers.image.licenses": "MIT"}),
			want: []brief{{report.SeverityLow, "no source or revision recorded: the build cannot be traced to its code (present: vendor, licenses)", report.Evidence{ConfigKey: "config.Labels"}}},
		},
		{
			name: "config labels, credentials redacted",
			img:  image(map[string]string{keySource: "https://ci:hunter2secret@github.com/example/app", keyRevision: "3f2c9a0"}),
			want: []brief{
				{report.SeverityInfo, `org.opencontainers.image.source is "https://ci:[REDACTED]@github.com/example/app"`,
					report.Evidence{ConfigKey: "config.Labels.org.opencontainers.image.source", Value: "https://ci:[REDACTED]@github.com/example/app"}},
				{report.SeverityInfo, `org.opencontainers.image.revision is "3f2c9a0"`,
					report.Evidence{ConfigKey: "config.Labels.org.opencontainers.image.revision", Value: "3f2c9a0"}},
			},
		},
		{
			name: "manifest and index annotations",
			img:  annotated,
			want: []brief{
				{report.SeverityInfo, `org.opencontainers.image.source is "` + repoURL + `"`,
					report.Evidence{ConfigKey: "index.annotations.org.opencontainers.image.source", Value: repoURL}},
				{report.SeverityInfo, `org.opencontainers.image.revision is "3f2c9a0"`,
					report.Evidence{ConfigKey: "manifest.annotations.org.opencontainers.image.revision", Value: "3f2c9a0"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, labels(), tt.img))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSLSA(t *testing.T) {
	v02, v1p := statement(t, "slsa-v02.json"), statement(t, "slsa-v1.json")
	broken := v02
	broken.Predicate = json.RawMessage(`{"builder":"not an object"}`)
	archive := image(nil)
	archive.Ref.Source, archive.IndexManifest = "docker-archive", nil
	failed := image(nil)
	failed.ProvenanceErrors = []string{"referrers of " + imageDigest + ": GET https://u:tok3nvalue@r.example/v2/: 500"}
	referred := image(nil)
	referred.Referrers = []facts.Referrer{{Subject: imageDigest, Digest: otherDigest, ArtifactType: "application/vnd.in-toto+json",
		Annotations: map[string]string{"in-toto.io/predicate-type": slsaV1}}}
	ev := report.Evidence{Reference: blobDigest, Value: slsaV02}
	tests := []struct {
		name string
		img  *facts.Image
		want []brief
	}{
		{
			name: "buildkit v0.2",
			img:  image(nil, v02),
			want: []brief{{report.SeverityInfo, "provenance attestation: built by https://github.com/example/app/actions/runs/7712345678/attempts/1; " +
				"build type https://mobyproject.org/buildkit@v1; from https://github.com/example/app.git at 3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a; Dockerfile recorded", ev}},
		},
		{
			name: "buildkit v1",
			img:  image(nil, v1p),
			want: []brief{{report.SeverityInfo, "provenance attestation: built by https://github.com/docker/build-push-action; " +
				"build type https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md; " +
				"from https://github.com/example/app.git at 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d; Dockerfile recorded",
				report.Evidence{Reference: blobDigest, Value: slsaV1}}},
		},
		{
			name: "unreadable",
			img:  image(nil, broken),
			want: []brief{{report.SeverityMedium, "provenance attestation cannot be read: parsing SLSA v0.2 provenance: json: cannot unmarshal string into Go struct field predicateV02.builder of type struct { ID string \"json:\\\"id\\\"\" }", ev}},
		},
		{
			name: "none",
			img:  image(nil),
			want: []brief{{report.SeverityLow, "no provenance attestation: nothing says how or from what it was built", report.Evidence{Reference: otherDigest}}},
		},
		{
			name: "sbom only is still no provenance",
			img:  image(nil, statement(t, "spdx.json")),
			want: []brief{{report.SeverityLow, "no provenance attestation: nothing says how or from what it was built", report.Evidence{Reference: otherDigest}}},
		},
		{
			name: "docker-archive",
			img:  archive,
			want: []brief{{report.SeverityInfo, "not checked: the image was not read through an image index, where attestations are kept " +
				"(inspect the multi-platform reference in its registry or an OCI layout of its index)", report.Evidence{}}},
		},
		{
			name: "read failure, credentials redacted",
			img:  failed,
			want: []brief{
				{report.SeverityLow, "attestations or referrers could not be read: referrers of " + imageDigest + ": GET https://u:[REDACTED]@r.example/v2/: 500", report.Evidence{Reference: imageDigest}},
				{report.SeverityLow, "no provenance attestation: nothing says how or from what it was built", report.Evidence{Reference: otherDigest}},
			},
		},
		{
			name: "provenance referrer",
			img:  referred,
			want: []brief{{report.SeverityInfo, "a provenance attestation is attached as a referrer; its content was not read", report.Evidence{Reference: imageDigest}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, slsa(), tt.img))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSBOM(t *testing.T) {
	referred := image(nil)
	referred.Referrers = []facts.Referrer{
		{Subject: otherDigest, Digest: blobDigest, ArtifactType: "application/vnd.cyclonedx+json"},
		{Subject: imageDigest, Digest: blobDigest, ArtifactType: "application/vnd.dev.cosign.artifact.sig.v1+json"},
	}
	tests := []struct {
		name string
		img  *facts.Image
		want []brief
	}{
		{
			name: "spdx attestation",
			img:  image(nil, statement(t, "slsa-v02.json"), statement(t, "spdx.json")),
			want: []brief{{report.SeverityInfo, "SPDX SBOM attestation attached to the image", report.Evidence{Reference: blobDigest, Value: "https://spdx.dev/Document"}}},
		},
		{
			name: "cyclonedx referrer, signature ignored",
			img:  referred,
			want: []brief{{report.SeverityInfo, "CycloneDX SBOM listed as a referrer of " + otherDigest, report.Evidence{Reference: blobDigest, Value: "application/vnd.cyclonedx+json"}}},
		},
		{name: "none", img: image(nil, statement(t, "slsa-v1.json"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, sbom(), tt.img))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMismatch(t *testing.T) {
	v02 := statement(t, "slsa-v02.json")
	elsewhere := v02
	elsewhere.Subjects = []string{otherDigest}
	sbomElsewhere := statement(t, "spdx.json")
	sbomElsewhere.Subjects = nil
	ev := report.Evidence{Reference: blobDigest, Value: slsaV02}
	withKey := func(k string) report.Evidence { e := ev; e.ConfigKey = k; return e }
	tests := []struct {
		name string
		img  *facts.Image
		want []brief
	}{
		{name: "agrees", img: image(map[string]string{keySource: "git@github.com:example/app.git", keyRevision: "3f2c9a0e"}, v02)},
		{name: "no labels", img: image(nil, v02)},
		{
			name: "attestation of another image",
			img:  image(nil, elsewhere, sbomElsewhere),
			want: []brief{
				{report.SeverityHigh, "the https://slsa.dev/provenance/v0.2 attestation is about " + otherDigest + ", not this image (" + imageDigest + ")", ev},
				{report.SeverityHigh, "the https://spdx.dev/Document attestation is about no subject, not this image (" + imageDigest + ")",
					report.Evidence{Reference: blobDigest, Value: "https://spdx.dev/Document"}},
			},
		},
		{
			name: "label names another repository",
			img:  image(map[string]string{keySource: "https://github.com/examp1e/app", keyRevision: "3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a"}, v02),
			want: []brief{{report.SeverityHigh, "the provenance says the image was built from https://github.com/example/app.git but org.opencontainers.image.source says https://github.com/examp1e/app",
				withKey("config.Labels.org.opencontainers.image.source")}},
		},
		{
			name: "label names another commit",
			img:  image(map[string]string{keyRevision: "0000000000"}, v02),
			want: []brief{{report.SeverityHigh, "the provenance says the image was built at commit 3f2c9a0e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a but org.opencontainers.image.revision says 0000000000",
				withKey("config.Labels.org.opencontainers.image.revision")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(run(t, mismatch(), tt.img))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// The registry's test validates every check's fields; this one makes sure
// each constructor gives an image checker with a distinct ID.
func TestChecks(t *testing.T) {
	seen := map[string]bool{}
	for _, ctor := range Checks() {
		c := ctor()
		if seen[c.Info().ID] {
			t.Errorf("duplicate check %s", c.Info().ID)
		}
		seen[c.Info().ID] = true
		if c.Info().Item != report.ItemBuild {
			t.Errorf("%s: item %v, want build", c.Info().ID, c.Info().Item)
		}
	}
}
