package provenance

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var slsaInfo = check.Info{
	ID:       "provenance/slsa",
	Version:  1,
	Title:    "No provenance attestation",
	Severity: report.SeverityLow,
	Item:     report.ItemBuild,
	Description: "BuildKit (docker buildx build --provenance, on by default for pushed images since Buildx 0.10) " +
		"attaches a SLSA provenance attestation to the image index: who built the image (builder id), how (build " +
		"type, frontend), from which repository and commit, and whether the Dockerfile is recorded. Its presence " +
		"is reported as information. Many legitimate images carry none, so its absence from an index is Low; an " +
		"image not read through an index (docker-archive, engine, single manifest) cannot carry one and is " +
		"reported as not checked. An attestation that cannot be read, or " +
		"one that could not be fetched, is reported too: the attestation is the builder's claim, unsigned unless " +
		"a signature says otherwise.",
	Remediation: "Build and push with docker buildx build --provenance=mode=max (or a CI action that does), and " +
		"prefer images that record how they were built.",
	References: []string{
		"https://docs.docker.com/build/metadata/attestations/slsa-provenance/",
		"https://slsa.dev/spec/v1.0/provenance",
	},
}

func slsa() check.Constructor {
	return check.Image(slsaInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		var out []report.Finding
		seen := 0
		for _, a := range img.Attestations {
			if !strings.HasPrefix(a.PredicateType, slsaPrefix) {
				continue
			}
			seen++
			out = append(out, describeProvenance(info, a))
		}
		for _, e := range img.ProvenanceErrors {
			f := info.New("attestations or referrers could not be read: "+clip(e), report.Evidence{Reference: img.Digest})
			f.Title = "Provenance incomplete"
			out = append(out, f)
		}
		if seen > 0 {
			return out, nil
		}
		switch {
		case hasProvenanceReferrer(img):
			f := info.New("a provenance attestation is attached as a referrer; its content was not read",
				report.Evidence{Reference: img.Digest})
			f.Severity, f.Title = report.SeverityInfo, "Provenance attached"
			return append(out, f), nil
		case img.IndexManifest == nil:
			// docker-archive and engine images, and single-manifest
			// images, have no index to hold attestations.
			f := info.New("not checked: the image was not read through an image index, where attestations are kept "+
				"(inspect the multi-platform reference in its registry or an OCI layout of its index)", report.Evidence{})
			f.Severity, f.Title = report.SeverityInfo, "Provenance not checked"
			return append(out, f), nil
		}
		return append(out, info.New("no provenance attestation: nothing says how or from what it was built",
			report.Evidence{Reference: img.IndexDigest})), nil
	})
}

// describeProvenance reports what one provenance attestation says, or that
// it cannot be read.
func describeProvenance(info check.Info, a facts.Attestation) report.Finding {
	ev := report.Evidence{Reference: a.Blob, Value: a.PredicateType}
	b, err := parseProvenance(a.PredicateType, a.Predicate)
	if err != nil {
		f := info.New("provenance attestation cannot be read: "+clip(err.Error()), ev)
		f.Severity, f.Title = report.SeverityMedium, "Provenance unreadable"
		return f
	}
	f := info.New(summary(b), ev)
	f.Severity, f.Title = report.SeverityInfo, "Provenance attested"
	return f
}

// summary says in one sentence what a provenance predicate records.
func summary(b build) string {
	var parts []string
	parts = append(parts, "built by "+orUnknown(b.BuilderID))
	if b.BuildType != "" {
		parts = append(parts, "build type "+clip(b.BuildType))
	}
	switch {
	case b.Source != "" && b.Revision != "":
		parts = append(parts, fmt.Sprintf("from %s at %s", clip(b.Source), clip(b.Revision)))
	case b.Source != "":
		parts = append(parts, "from "+clip(b.Source)+" (no commit recorded)")
	default:
		parts = append(parts, "no source repository recorded")
	}
	if b.Dockerfile {
		parts = append(parts, "Dockerfile recorded")
	} else {
		parts = append(parts, "Dockerfile not recorded")
	}
	return "provenance attestation: " + strings.Join(parts, "; ")
}

func orUnknown(s string) string {
	if s == "" {
		return "an unnamed builder"
	}
	return clip(s)
}

// hasProvenanceReferrer reports whether the registry lists an in-toto
// provenance artifact for the image.
func hasProvenanceReferrer(img *facts.Image) bool {
	for _, r := range img.Referrers {
		if strings.HasPrefix(r.Annotations["in-toto.io/predicate-type"], slsaPrefix) ||
			strings.Contains(r.ArtifactType, "provenance") {
			return true
		}
	}
	return false
}
