// Package reporttest holds what the tests of the report formats share:
// compiling the official JSON schemas they are validated against, and a
// report with an inventory and vulnerabilities to render. Shipping code
// must not import it.
package reporttest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/customs-oss/customs/internal/report"
)

// Compile compiles the JSON schema in the file paths[0], with the schemas
// in the other files, which it refers to by file name, registered beside
// it under base ("file:///" when the schemas refer to nothing). Formats are
// asserted. The schemas are draft-07 or 2020-12, whose meta-schemas the
// validator embeds, so nothing is fetched.
func Compile(t testing.TB, base string, paths ...string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("parsing %s: %v", p, err)
		}
		if err := c.AddResource(base+filepath.Base(p), doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile(base + filepath.Base(paths[0]))
	if err != nil {
		t.Fatalf("compiling %s: %v", paths[0], err)
	}
	return sch
}

// Validate reports whether out is JSON that sch accepts.
func Validate(sch *jsonschema.Schema, out []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

//go:embed testdata/sbom.report.json
var sbomReport []byte

// SBOMReport is a report with every package type, removed packages,
// vulnerabilities with and without a fix or CVSS vector, and a finding that
// is not about a package: what the SBOM formats render. Each call returns a
// fresh copy.
func SBOMReport(t testing.TB) *report.Report {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(sbomReport))
	dec.DisallowUnknownFields()
	var r report.Report
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("decoding the SBOM report: %v", err)
	}
	return &r
}
