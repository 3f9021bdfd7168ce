package provenance

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
)

const (
	imageDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	otherDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
	blobDigest  = "sha256:3333333333333333333333333333333333333333333333333333333333333333"
)

// statement loads a BuildKit-shaped in-toto statement from testdata as the
// source would hand it over.
func statement(t testing.TB, file string) facts.Attestation {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		PredicateType string `json:"predicateType"`
		Subject       []struct {
			Digest map[string]string `json:"digest"`
		} `json:"subject"`
		Predicate json.RawMessage `json:"predicate"`
	}
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	a := facts.Attestation{PredicateType: st.PredicateType, Predicate: st.Predicate, Blob: blobDigest, Manifest: otherDigest}
	for _, s := range st.Subject {
		a.Subjects = append(a.Subjects, "sha256:"+s.Digest["sha256"])
	}
	return a
}

// image is a registry image reached through an index, with labels and
// attestations.
func image(labels map[string]string, atts ...facts.Attestation) *facts.Image {
	return &facts.Image{
		Ref:           facts.Reference{Source: "registry", Name: "docker.io/example/app:1.4.2"},
		Digest:        imageDigest,
		IndexDigest:   otherDigest,
		IndexManifest: &v1.IndexManifest{SchemaVersion: 2},
		Manifest:      &v1.Manifest{SchemaVersion: 2},
		Config:        &v1.ConfigFile{Config: v1.Config{Labels: labels}},
		Attestations:  atts,
	}
}

// run runs one check on img and returns its findings.
func run(t *testing.T, ctor check.Constructor, img *facts.Image) []report.Finding {
	return scantest.RunImage(t, ctor, img)
}

// brief is what the tests compare: severity, message and evidence.
type brief struct {
	Severity report.Severity
	Message  string
	Evidence report.Evidence
}

func briefs(fs []report.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Message, f.Evidence})
	}
	return out
}
