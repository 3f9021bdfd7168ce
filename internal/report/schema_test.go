package report_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report/reporttest"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/customs-oss/customs/internal/report"
)

// The JSON report is documented twice, for programs in docs/report.schema.json
// and for people in docs/report-schema.md. These tests keep both in step with
// the Go types: a field added, renamed or removed here fails them until the
// schema and the documentation say the same.

const (
	schemaPath = "../../docs/report.schema.json"
	docPath    = "../../docs/report-schema.md"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return reporttest.Compile(t, "file:///", schemaPath)
}

func readJSON(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	return doc
}

// richReport sets every field of every type in the report, so that the schema
// is exercised on all of them.
func richReport() *report.Report {
	const (
		d1 = "sha256:c49882947e6de90b93426f42dd349ed3e2791cf9b2f2e978905f4c9bfc22a277"
		d2 = "sha256:307abcb298a155fda524a05202a61a2cdf9b095cbab9843ed84b2ee9fbb5ac3d"
	)
	findings := []report.Finding{
		{
			Check: "config/secret-in-env", Title: "Secret in the environment", Severity: report.SeverityCritical,
			Item: report.ItemLookInside, Message: "ENV AWS_SECRET_ACCESS_KEY holds a AWS secret access key",
			Evidence: report.Evidence{
				Layer: report.Int(1), LayerDigest: d2, Path: "/app/.env", HiddenBy: report.Int(2), HistoryStep: report.Int(3),
				ConfigKey: "config.Env[2]", Value: "AWS_SECRET_ACCESS_KEY=wJal...[REDACTED]", Reference: "docker.io/library/demo:latest",
			},
			Remediation: "Remove the value from the image and rotate the credential.",
			References:  []string{"CIS Docker Benchmark 4.10", "https://docs.docker.com/build/building/secrets/"},
		},
		{
			Check: "config/root-user", Title: "Container runs as root", Severity: report.SeverityHigh,
			Item: report.ItemPrivilege, Message: "the image sets no USER, so the container runs as root",
			Evidence: report.Evidence{ConfigKey: "config.User"},
		},
		{
			Check: "vulns/known", Title: "Known vulnerability", Severity: report.SeverityHigh,
			Item: report.ItemVulns, Message: "CVE-2020-1967 in libssl1.1 1.1.1d-r2 (source openssl), fixed in 1.1.1g-r0",
			Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: d1, Path: "/lib/apk/db/installed",
				Vulnerability: &report.Vulnerability{
					ID: "CVE-2020-1967", Aliases: []string{"ALPINE-CVE-2020-1967"}, Package: "libssl1.1", Installed: "1.1.1d-r2",
					Source: "openssl", Fixed: "1.1.1g-r0", Ecosystem: "Alpine:v3.10",
					PURL: "pkg:apk/alpine/libssl1.1@1.1.1d-r2?arch=x86_64&distro=3.10.2", CVSS: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
				}},
			References: []string{"https://osv.dev/vulnerability/ALPINE-CVE-2020-1967"},
		},
	}
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: "1.0.0"},
		GeneratedAt:   "2025-06-01T12:00:00Z",
		Image: report.Image{
			Reference: "demo:latest", Name: "docker.io/library/demo:latest", Source: "registry",
			Digest: d1, IndexDigest: d2, Pinned: "docker.io/library/demo:latest@" + d2,
			RepoTags: []string{"demo:latest"}, Platform: "linux/amd64", Platforms: []string{"linux/amd64", "linux/arm64"},
			MediaType: "application/vnd.oci.image.manifest.v1+json", ConfigID: d1, Created: "2025-06-01T12:00:00Z",
			CompressedSize: 930, Size: 20480, Files: 19,
			OS: &report.OS{ID: "debian", VersionID: "9", PrettyName: "Debian GNU/Linux 9 (stretch)", Family: "debian",
				Distroless: true, EOL: "2022-06-30", Support: "eol"},
			User: "root", Entrypoint: []string{"/bin/sh", "-c"}, Cmd: []string{"/app/run"}, WorkingDir: "/app",
			ExposedPorts: []string{"22/tcp"}, Labels: []report.Label{{Key: "maintainer", Value: "ops@example.com"}},
			Layers: []report.Layer{{
				Index: 0, Digest: d1, DiffID: d2, MediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
				CompressedSize: 455, Size: 12288, Files: 13, Bytes: 9000, HistoryStep: report.Int(0), CreatedBy: "ADD file:6d2f in /",
			}},
			History: []report.History{{Step: 0, Created: "2025-06-01T12:00:00Z", CreatedBy: "ADD file:6d2f in /", EmptyLayer: true, Layer: report.Int(0)}},
			Surface: []report.Component{{Kind: "shell", Name: "sh", Path: "/bin/sh"}},
		},
		Findings: findings,
		Checks: []report.CheckStatus{
			{ID: "config/root-user", Status: report.StatusOK, Findings: 1},
			{ID: "content/miner", Status: report.StatusError, Error: "reading /usr/bin/xmrig: unexpected EOF"},
		},
	}
	pkg := report.Package{
		Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2", Arch: "x86_64",
		Licenses: []string{"OpenSSL"}, PURL: "pkg:apk/alpine/libssl1.1@1.1.1d-r2?arch=x86_64&distro=3.10.2",
		Path: "/lib/apk/db/installed", Layer: 0, FoundBy: "apk",
	}
	gone := pkg
	gone.Name, gone.PURL = "curl", "pkg:apk/alpine/curl@7.66.0-r0?arch=x86_64&distro=3.10.2"
	r.Inventory = &report.Inventory{
		Packages: []report.Package{pkg},
		Removed:  []report.RemovedPackage{{Package: gone, RemovedBy: 1}},
		Errors:   []string{"layer 0: rpm: /var/lib/rpm/Packages: not a Berkeley DB file"},
	}
	report.SortFindings(r.Findings)
	r.Verdict = report.DefaultPolicy().Decide(r.Findings)
	return r
}

func writeJSON(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func validate(sch *jsonschema.Schema, b []byte) error { return reporttest.Validate(sch, b) }

func TestSchemaValidatesReports(t *testing.T) {
	sch := compileSchema(t)
	empty := richReport()
	empty.GeneratedAt = ""
	empty.Image = report.Image{Reference: "oci:/x", Source: "oci", Layers: []report.Layer{}}
	empty.Findings = []report.Finding{}
	empty.Checks = []report.CheckStatus{}
	empty.Verdict = report.DefaultPolicy().Decide(nil)
	for name, r := range map[string]*report.Report{"rich": richReport(), "minimal": empty} {
		t.Run(name, func(t *testing.T) {
			if err := validate(sch, writeJSON(t, r)); err != nil {
				t.Errorf("the report does not conform to %s: %v", schemaPath, err)
			}
		})
	}
}

// TestRichReportSetsEveryField keeps the validation above meaningful: a field
// that the rich report leaves out would never be checked against the schema.
func TestRichReportSetsEveryField(t *testing.T) {
	var doc any
	if err := json.Unmarshal(writeJSON(t, richReport()), &doc); err != nil {
		t.Fatal(err)
	}
	present := map[string]bool{}
	collectPaths(doc, "", present)
	for _, p := range typePaths() {
		if !present[p] {
			t.Errorf("the rich report leaves %s out; set it so that the schema is tested on it", p)
		}
	}
}

func collectPaths(v any, prefix string, out map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := join(prefix, k)
			out[p] = true
			if prefix != "verdict" || k != "counts" {
				collectPaths(x, p, out)
			}
		}
	case []any:
		for _, x := range v {
			collectPaths(x, prefix+"[]", out)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := writeJSON(t, richReport())
	for _, tc := range []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"unknown top-level field", func(m map[string]any) { m["extra"] = 1 }},
		{"unknown evidence field", func(m map[string]any) { finding0(m)["evidence"].(map[string]any)["line"] = 3 }},
		{"schema version", func(m map[string]any) { m["schemaVersion"] = "2" }},
		{"severity name", func(m map[string]any) { finding0(m)["severity"] = "severe" }},
		{"severity none on a finding", func(m map[string]any) { finding0(m)["severity"] = "none" }},
		{"item out of range", func(m map[string]any) { finding0(m)["item"] = 15 }},
		{"item as text", func(m map[string]any) { finding0(m)["item"] = "13" }},
		{"check ID", func(m map[string]any) { finding0(m)["check"] = "Root User" }},
		{"missing message", func(m map[string]any) { delete(finding0(m), "message") }},
		{"decision", func(m map[string]any) { m["verdict"].(map[string]any)["decision"] = "maybe" }},
		{"missing count", func(m map[string]any) { delete(m["verdict"].(map[string]any)["counts"].(map[string]any), "low") }},
		{"negative layer", func(m map[string]any) { finding0(m)["evidence"].(map[string]any)["layer"] = -1 }},
		{"digest", func(m map[string]any) { m["image"].(map[string]any)["digest"] = "not a digest" }},
		{"source", func(m map[string]any) { m["image"].(map[string]any)["source"] = "ftp" }},
		{"failed check without error", func(m map[string]any) {
			delete(m["checks"].([]any)[1].(map[string]any), "error")
		}},
		{"timestamp", func(m map[string]any) { m["generatedAt"] = "yesterday" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(good, &m); err != nil {
				t.Fatal(err)
			}
			tc.mutate(m)
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(sch, b); err == nil {
				t.Error("the schema accepted an invalid report")
			}
		})
	}
}

func finding0(m map[string]any) map[string]any {
	return m["findings"].([]any)[0].(map[string]any)
}

// typePaths lists the JSON path of every field of Report and the types it
// contains, such as "image.layers[].diffId", sorted.
func typePaths() []string {
	var out []string
	walkType(reflect.TypeOf(report.Report{}), "", &out)
	sort.Strings(out)
	return out
}

var textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()

func walkType(t reflect.Type, prefix string, out *[]string) {
	for {
		switch t.Kind() {
		case reflect.Pointer:
			t = t.Elem()
			continue
		case reflect.Slice, reflect.Array:
			t = t.Elem()
			prefix += "[]"
			continue
		}
		break
	}
	if t.Kind() != reflect.Struct || t.Implements(textMarshaler) {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" && f.Anonymous {
			// encoding/json inlines the fields of an untagged embedded struct.
			walkType(f.Type, prefix, out)
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := join(prefix, name)
		*out = append(*out, p)
		walkType(f.Type, p, out)
	}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// schemaPaths lists the property paths the schema declares, in the notation
// of typePaths. Maps with fixed keys (verdict.counts) are leaves.
func schemaPaths(t *testing.T) []string {
	root := readJSON(t, schemaPath).(map[string]any)
	defs := root["$defs"].(map[string]any)
	resolve := func(n map[string]any) map[string]any {
		for {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	var out []string
	var walk func(n map[string]any, prefix string)
	walk = func(n map[string]any, prefix string) {
		n = resolve(n)
		if items, ok := n["items"].(map[string]any); ok {
			walk(items, prefix+"[]")
			return
		}
		if prefix == "verdict.counts" {
			return
		}
		props, _ := n["properties"].(map[string]any)
		for name, sub := range props {
			p := join(prefix, name)
			out = append(out, p)
			walk(sub.(map[string]any), p)
		}
	}
	walk(root, "")
	sort.Strings(out)
	return out
}

func TestSchemaMatchesTypes(t *testing.T) {
	if diff := cmp.Diff(typePaths(), schemaPaths(t)); diff != "" {
		t.Errorf("%s and the report types disagree (-types +schema):\n%s", schemaPath, diff)
	}
}

// docRow matches the first cell of a field table row: | `image.digest` |.
var docRow = regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")

func TestDocDescribesEveryField(t *testing.T) {
	b, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range docRow.FindAllStringSubmatch(string(b), -1) {
		documented = append(documented, m[1])
	}
	sort.Strings(documented)
	documented = slices.Compact(documented)
	if diff := cmp.Diff(typePaths(), documented); diff != "" {
		t.Errorf("%s documents other fields than the report has (-types +doc):\n%s", docPath, diff)
	}
	for _, name := range []string{"info", "low", "medium", "high", "critical", "none", "accept", "review", "reject", "--timestamp"} {
		if !strings.Contains(string(b), "`"+name+"`") {
			t.Errorf("%s does not mention `%s`", docPath, name)
		}
	}
}

// TestDocExample checks that the example in the documentation is a report
// customs could have written: valid against the schema and made only of
// fields the types have.
func TestDocExample(t *testing.T) {
	b, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```json\n")
	if !ok {
		t.Fatalf("%s has no ```json example", docPath)
	}
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("%s: the example is not closed", docPath)
	}
	if err := validate(compileSchema(t), []byte(example)); err != nil {
		t.Errorf("the example in %s does not conform to the schema: %v", docPath, err)
	}
	dec := json.NewDecoder(strings.NewReader(example))
	dec.DisallowUnknownFields()
	var r report.Report
	if err := dec.Decode(&r); err != nil {
		t.Errorf("the example in %s does not decode into a Report: %v", docPath, err)
	}
}
