package provenance

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var sbomInfo = check.Info{
	ID:       "provenance/sbom",
	Version:  1,
	Title:    "SBOM attached",
	Severity: report.SeverityInfo,
	Item:     report.ItemBuild,
	Description: "A software bill of materials attached by the builder (a BuildKit SBOM attestation, or an SPDX or " +
		"CycloneDX artifact the registry lists as a referrer) says which packages the publisher believes the image " +
		"holds. Its presence and format are reported as information; customs makes its own inventory either way.",
	Remediation: "No action needed. Publishers can attach one with docker buildx build --sbom=true.",
	References:  []string{"https://docs.docker.com/build/metadata/attestations/sbom/"},
}

// sbomFormats maps predicate and artifact types to the format they carry.
var sbomFormats = []struct{ marker, format string }{
	{"spdx", "SPDX"},
	{"cyclonedx", "CycloneDX"},
	{"syft", "Syft"},
}

func sbomFormat(t string) (string, bool) {
	t = strings.ToLower(t)
	for _, f := range sbomFormats {
		if strings.Contains(t, f.marker) {
			return f.format, true
		}
	}
	return "", false
}

func sbom() check.Constructor {
	return check.Image(sbomInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		var out []report.Finding
		for _, a := range img.Attestations {
			if format, ok := sbomFormat(a.PredicateType); ok {
				out = append(out, info.New(fmt.Sprintf("%s SBOM attestation attached to the image", format),
					report.Evidence{Reference: a.Blob, Value: clip(a.PredicateType)}))
			}
		}
		for _, r := range img.Referrers {
			t := r.ArtifactType
			if pt := r.Annotations["in-toto.io/predicate-type"]; pt != "" {
				t = pt
			}
			if format, ok := sbomFormat(t); ok {
				out = append(out, info.New(fmt.Sprintf("%s SBOM listed as a referrer of %s", format, r.Subject),
					report.Evidence{Reference: r.Digest, Value: clip(t)}))
			}
		}
		return out, nil
	})
}
