package cyclonedx

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

	"github.com/customs-oss/customs/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The CycloneDX 1.6 schema and the two it references, as shipped in the
// npm package @cyclonedx/cyclonedx-library (see testdata/schema/NOTICE).
// They are draft-07 schemas; the validator embeds that meta-schema, so the
// tests run offline.
const (
	schemaDir  = "testdata/schema"
	schemaFile = "bom-1.6.SNAPSHOT.schema.json"
	schemaBase = "http://cyclonedx.org/schema/"
)

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	// The schemas refer to each other by file name, relative to the bom
	// schema's $id.
	return reporttest.Compile(t, schemaBase, filepath.Join(schemaDir, schemaFile),
		filepath.Join(schemaDir, "spdx.SNAPSHOT.schema.json"), filepath.Join(schemaDir, "jsf-0.82.SNAPSHOT.schema.json"))
}

func validate(t testing.TB, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	if err := reporttest.Validate(sch, out); err != nil {
		t.Fatalf("output does not conform to CycloneDX 1.6: %v", err)
	}
}

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
			validate(t, sch, out)
			if again := render(t, r); !bytes.Equal(out, again) {
				t.Fatal("two renderings of the same report differ")
			}
			golden := filepath.Join("testdata", name+".cdx.json")
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

// TestContent checks the facts the golden file could hide in its bulk.
func TestContent(t *testing.T) {
	bom := Build(richReport(t))
	if got := bom.Metadata.Component.PackageURL; !strings.HasPrefix(got, "pkg:oci/demo@sha256:c4988294") {
		t.Errorf("image purl = %q", got)
	}
	refs := map[string]bool{bom.Metadata.Component.BOMRef: true}
	for _, c := range *bom.Components {
		if refs[c.BOMRef] {
			t.Errorf("bom-ref %q used twice", c.BOMRef)
		}
		refs[c.BOMRef] = true
		if c.Name == "curl" {
			t.Error("a removed package is listed as a component")
		}
	}
	// 14 packages and the operating system.
	if n := len(*bom.Components); n != 15 {
		t.Errorf("%d components, want 15", n)
	}
	deps := (*bom.Dependencies)[0]
	if deps.Ref != bom.Metadata.Component.BOMRef || len(*deps.Dependencies) != 15 {
		t.Errorf("the image depends on %v, want all 15 components", deps.Dependencies)
	}
	if n := len(*bom.Vulnerabilities); n != 3 {
		t.Fatalf("%d vulnerabilities, want 3", n)
	}
	for _, v := range *bom.Vulnerabilities {
		for _, a := range *v.Affects {
			if !refs[a.Ref] {
				t.Errorf("%s affects %q, which is no component", v.ID, a.Ref)
			}
		}
	}
	first := (*bom.Vulnerabilities)[0]
	if first.ID != "CVE-2024-5535" || first.Recommendation != "upgrade to 3.0.13-1~deb12u1" ||
		(*first.Ratings)[0].Method != "CVSSv31" || (*first.Affects)[0].Ref != "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl" {
		t.Errorf("first vulnerability = %+v", first)
	}
}

func TestLicenses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		declared []string
		want     string
	}{
		{"ids", []string{"mit", "Apache-2.0"}, `[{"license":{"id":"MIT"}},{"license":{"id":"Apache-2.0"}}]`},
		{"names", []string{"ASL 2.0"}, `[{"license":{"name":"ASL 2.0"}}]`},
		{"expression", []string{"MIT OR Apache-2.0"}, `[{"expression":"MIT OR Apache-2.0"}]`},
		{"expressions joined", []string{"MIT OR Apache-2.0", "zlib"}, `[{"expression":"(MIT OR Apache-2.0) AND (Zlib)"}]`},
		{"expression with free text", []string{"MIT OR Apache-2.0", "Public Domain"},
			`[{"license":{"name":"MIT OR Apache-2.0"}},{"license":{"name":"Public Domain"}}]`},
		{"none", nil, `null`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(licenses(tc.declared))
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.want {
				t.Errorf("licenses(%q) = %s, want %s", tc.declared, b, tc.want)
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
		"bom format":     func(m map[string]any) { m["bomFormat"] = "SPDX" },
		"unknown field":  func(m map[string]any) { m["packages"] = []any{} },
		"component type": func(m map[string]any) { m["components"].([]any)[0].(map[string]any)["type"] = "image" },
		"license id": func(m map[string]any) {
			m["components"].([]any)[1].(map[string]any)["licenses"] = []any{map[string]any{"license": map[string]any{"id": "Not-A-License"}}}
		},
		"severity": func(m map[string]any) {
			m["vulnerabilities"].([]any)[0].(map[string]any)["ratings"].([]any)[0].(map[string]any)["severity"] = "severe"
		},
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
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if sch.Validate(doc) == nil {
				t.Error("the schema accepted a broken document")
			}
		})
	}
}
