package spdx

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report/reporttest"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	spdxjson "github.com/spdx/tools-golang/json"

	"github.com/customs-oss/customs/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// schemaFile is the official SPDX 2.3 JSON schema (see testdata/NOTICE), a
// draft-07 schema; the validator embeds that meta-schema, so the tests run
// offline.
const schemaFile = "testdata/spdx-schema-2.3.json"

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	return reporttest.Compile(t, "file:///", schemaFile)
}

func validate(sch *jsonschema.Schema, out []byte) error { return reporttest.Validate(sch, out) }

func richReport(t testing.TB) *report.Report { return reporttest.SBOMReport(t) }

func render(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func reports(t testing.TB) map[string]*report.Report {
	rich := richReport(t)
	empty := richReport(t)
	empty.GeneratedAt = ""
	empty.Findings = nil
	empty.Inventory = &report.Inventory{}
	none := richReport(t)
	none.Image.Name, none.Image.OS = "", nil
	none.Inventory = nil
	return map[string]*report.Report{"rich": rich, "empty-inventory": empty, "no-inventory": none}
}

func TestGolden(t *testing.T) {
	sch := compileSchema(t)
	for name, r := range reports(t) {
		t.Run(name, func(t *testing.T) {
			out := render(t, r)
			if err := validate(sch, out); err != nil {
				t.Fatalf("output does not conform to SPDX 2.3: %v", err)
			}
			if again := render(t, r); !bytes.Equal(out, again) {
				t.Fatal("two renderings of the same report differ")
			}
			// The SPDX tools read it back.
			if _, err := spdxjson.Read(bytes.NewReader(out)); err != nil {
				t.Fatalf("the SPDX tools cannot read the output: %v", err)
			}
			golden := filepath.Join("testdata", name+".spdx.json")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(out)); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

// TestSchemaRejects keeps the validation above meaningful: the schema must
// catch a broken document.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := render(t, richReport(t))
	for name, mutate := range map[string]func(m map[string]any){
		"no creation info":  func(m map[string]any) { delete(m, "creationInfo") },
		"unknown field":     func(m map[string]any) { m["vulnerabilities"] = []any{} },
		"package purpose":   func(m map[string]any) { m["packages"].([]any)[0].(map[string]any)["primaryPackagePurpose"] = "IMAGE" },
		"relationship type": func(m map[string]any) { m["relationships"].([]any)[0].(map[string]any)["relationshipType"] = "HAS" },
	} {
		t.Run(name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(good, &m); err != nil {
				t.Fatal(err)
			}
			mutate(m)
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if validate(sch, b) == nil {
				t.Error("the schema accepted a broken document")
			}
		})
	}
}

func TestContent(t *testing.T) {
	r := richReport(t)
	doc := Build(r)
	if doc.CreationInfo.Created != "2025-06-01T12:00:00Z" || doc.CreationInfo.Creators[0].Creator != "customs-1.0.0" {
		t.Errorf("creation info = %+v", doc.CreationInfo)
	}
	r.GeneratedAt = ""
	if got := Build(r).CreationInfo.Created; got != Epoch {
		t.Errorf("created = %q without a timestamp, want %q", got, Epoch)
	}
	// The image, the operating system and 14 packages; the removed one is
	// not installed.
	if n := len(doc.Packages); n != 16 {
		t.Errorf("%d packages, want 16", n)
	}
	ids := map[string]bool{}
	for _, p := range doc.Packages {
		if ids[string(p.PackageSPDXIdentifier)] {
			t.Errorf("SPDX ID %q used twice", p.PackageSPDXIdentifier)
		}
		ids[string(p.PackageSPDXIdentifier)] = true
		if p.PackageName == "curl" {
			t.Error("a removed package is listed")
		}
	}
	if rel := doc.Relationships[0]; rel.Relationship != "DESCRIBES" || rel.RefB.ElementRefID != imageID {
		t.Errorf("first relationship = %+v", rel)
	}
	contains := 0
	for _, rel := range doc.Relationships {
		if rel.Relationship == "CONTAINS" && rel.RefA.ElementRefID == imageID && ids[string(rel.RefB.ElementRefID)] {
			contains++
		}
	}
	if contains != 15 {
		t.Errorf("the image contains %d packages, want 15", contains)
	}
	var out bytes.Buffer
	if err := Write(&out, richReport(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"documentNamespace": "https://customs.dev/spdx/c49882947e6de90b93426f42dd349ed3e2791cf9b2f2e978905f4c9bfc22a277-`,
		`"licenseDeclared": "(Apache-2.0 OR MIT) AND BSD-2-Clause"`,
		`"licenseDeclared": "GPL-3.0-or-later AND GPL-2.0+"`,
		`"licenseId": "LicenseRef-ASL-2.0-`,
		`"referenceLocator": "https://osv.dev/vulnerability/CVE-2024-5535"`,
		`"referenceLocator": "pkg:golang/stdlib@v1.22.1"`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s", want)
		}
	}
}
