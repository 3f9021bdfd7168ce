package sarif

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

// schemaFile is the official SARIF 2.1.0 schema, as published by the OASIS
// SARIF technical committee (oasis-tcs/sarif-spec,
// Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json). It is a
// draft-07 schema; the validator embeds the draft-07 meta-schema, so the
// tests run offline.
const schemaFile = "testdata/sarif-schema-2.1.0.json"

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	return reporttest.Compile(t, "file:///", schemaFile)
}

func validate(t testing.TB, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	if err := reporttest.Validate(sch, out); err != nil {
		t.Fatalf("output does not conform to SARIF 2.1.0: %v", err)
	}
}

func render(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	sch := compileSchema(t)
	for _, tc := range []struct {
		name string
		r    *report.Report
	}{
		{"rich", richReport()},
		{"clean", cleanReport()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.r)
			validate(t, sch, got)
			golden := filepath.Join("testdata", tc.name+".sarif")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got); run go test -update if the change is intended:\n%s", golden, diff)
			}
		})
	}
}

// TestSchemaRejects makes sure the schema check can fail: logs that break
// SARIF in ways a renderer bug could are refused.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good := render(t, richReport())
	for _, tc := range []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"wrong version", func(m map[string]any) { m["version"] = "2.0.0" }},
		{"no runs", func(m map[string]any) { delete(m, "runs") }},
		{"bad level", func(m map[string]any) { result0(m)["level"] = "critical" }},
		{"negative rule index", func(m map[string]any) { result0(m)["ruleIndex"] = -2 }},
		{"unknown result member", func(m map[string]any) { result0(m)["severity"] = "high" }},
		{"message without text", func(m map[string]any) { result0(m)["message"] = map[string]any{} }},
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
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err == nil {
				t.Error("the schema accepted an invalid log")
			}
		})
	}
}

func result0(m map[string]any) map[string]any {
	return m["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
}

func TestLevels(t *testing.T) {
	for _, tc := range []struct {
		sev          report.Severity
		level, score string
	}{
		{report.SeverityCritical, "error", "9.5"},
		{report.SeverityHigh, "error", "8.0"},
		{report.SeverityMedium, "warning", "5.5"},
		{report.SeverityLow, "note", "3.0"},
		{report.SeverityInfo, "note", "0.0"},
	} {
		t.Run(tc.sev.String(), func(t *testing.T) {
			if got := Level(tc.sev); got != tc.level {
				t.Errorf("Level = %q, want %q", got, tc.level)
			}
			if got := SecuritySeverity(tc.sev); got != tc.score {
				t.Errorf("SecuritySeverity = %q, want %q", got, tc.score)
			}
		})
	}
}

func TestRules(t *testing.T) {
	r := richReport()
	run := Build(r).Runs[0]
	ids := map[string]bool{}
	for _, f := range r.Findings {
		ids[f.Check] = true
	}
	if len(run.Tool.Driver.Rules) != len(ids) {
		t.Fatalf("%d rules for %d checks", len(run.Tool.Driver.Rules), len(ids))
	}
	for i, res := range run.Results {
		rule := run.Tool.Driver.Rules[res.RuleIndex]
		if rule.ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d is rule %q, want %q", i, res.RuleIndex, rule.ID, res.RuleID)
		}
	}
	byID := map[string]Rule{}
	for _, rule := range run.Tool.Driver.Rules {
		byID[rule.ID] = rule
	}
	env := byID["config/secret-in-env"]
	if env.HelpURI != "https://docs.docker.com/build/building/secrets/" {
		t.Errorf("helpUri = %q, want the first http reference", env.HelpURI)
	}
	if env.DefaultConfiguration.Level != "error" || env.Name != "ConfigSecretInEnv" {
		t.Errorf("rule = %+v", env)
	}
	if !strings.Contains(env.Help.Text, "rotate it") || !strings.Contains(env.Help.Text, "CIS Docker 4.10") {
		t.Errorf("help lacks the remediation or references: %q", env.Help.Text)
	}
	tags := env.Properties["tags"].([]string)
	if !contains(tags, "checklist-item-13") || !contains(tags, "config") {
		t.Errorf("tags = %q", tags)
	}
	if got := byID["base/info"].HelpURI; got != "" {
		t.Errorf("helpUri without references = %q", got)
	}
}

func TestLocations(t *testing.T) {
	tests := []struct {
		name string
		ev   report.Evidence
		uri  string
		fqns []string
	}{
		{"path", report.Evidence{Layer: report.Int(2), Path: "etc/shadow"}, "etc/shadow", []string{"layers[2]"}},
		{"absolute path", report.Evidence{Path: "/usr/bin/x"}, "usr/bin/x", nil},
		{"escaped path", report.Evidence{Path: "a b/c#d?e%f"}, "a%20b/c%23d%3Fe%25f", nil},
		{"colon in first segment", report.Evidence{Path: "a:b/c"}, "./a:b/c", nil},
		{"config key", report.Evidence{ConfigKey: "config.Env[2]", HistoryStep: report.Int(7)}, "", []string{"history[7]", "config.Env[2]"}},
		{"history key", report.Evidence{ConfigKey: "history[3]", HistoryStep: report.Int(3)}, "", []string{"history[3]"}},
		{"reference", report.Evidence{Reference: "docker.io/library/nginx:latest"}, "", []string{"docker.io/library/nginx:latest"}},
		{"nothing", report.Evidence{}, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			locs := locations(tc.ev)
			var uri string
			var fqns []string
			for _, l := range locs {
				if l.PhysicalLocation != nil {
					uri = l.PhysicalLocation.ArtifactLocation.URI
					if l.PhysicalLocation.ArtifactLocation.URIBaseID != ImageRoot {
						t.Errorf("uriBaseId = %q", l.PhysicalLocation.ArtifactLocation.URIBaseID)
					}
				}
				for _, ll := range l.LogicalLocations {
					fqns = append(fqns, ll.FullyQualifiedName)
				}
			}
			if uri != tc.uri {
				t.Errorf("uri = %q, want %q", uri, tc.uri)
			}
			if diff := cmp.Diff(tc.fqns, fqns); diff != "" {
				t.Errorf("logical locations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFingerprints(t *testing.T) {
	base := report.Finding{Check: "files/setuid", Message: "m", Evidence: report.Evidence{Layer: report.Int(1), LayerDigest: digestB, Path: "bin/su"}}
	img := richReport().Image
	fp := func(f report.Finding) string {
		return (&fingerprinter{seen: map[string]int{}}).next(f, img)
	}
	want := fp(base)
	reworded := base
	reworded.Message = "reworded"
	reworded.Severity = report.SeverityCritical
	if got := fp(reworded); got != want {
		t.Errorf("a reworded message changed the fingerprint: %s != %s", got, want)
	}
	for name, change := range map[string]func(*report.Finding){
		"check":     func(f *report.Finding) { f.Check = "files/other" },
		"path":      func(f *report.Finding) { f.Evidence.Path = "bin/sudo" },
		"layer":     func(f *report.Finding) { f.Evidence.Layer = report.Int(0) },
		"configKey": func(f *report.Finding) { f.Evidence.ConfigKey = "config.User" },
		"step":      func(f *report.Finding) { f.Evidence.HistoryStep = report.Int(3) },
		"value":     func(f *report.Finding) { f.Evidence.Value = "x" },
	} {
		f := base
		change(&f)
		if got := fp(f); got == want {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
	fps := fingerprinter{seen: map[string]int{}}
	first, second := fps.next(base, img), fps.next(base, img)
	if first != want || second != want+":2" {
		t.Errorf("duplicates: %q, %q; want %q and %q", first, second, want, want+":2")
	}
}

func TestInvocation(t *testing.T) {
	inv := Build(richReport()).Runs[0].Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("a run with a failed check is reported as successful")
	}
	if len(inv.ToolExecutionNotifications) != 2 || inv.ToolExecutionNotifications[0].Level != "error" ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "unexpected EOF") {
		t.Errorf("notifications = %+v", inv.ToolExecutionNotifications)
	}
	if !Build(cleanReport()).Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("a run whose checks all ran is reported as failed")
	}
}

func TestNoSecretsLeak(t *testing.T) {
	r := cleanReport()
	r.Findings = []report.Finding{{
		Check: "config/x", Message: "token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB in a message",
		Evidence: report.Evidence{Value: "KEY=AKIAIOSFODNN7EXAMPLE"},
	}}
	out := string(render(t, r))
	for _, secret := range []string{"AKIAIOSFODNN7EXAMPLE", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"} {
		if strings.Contains(out, secret) {
			t.Errorf("output contains %q", secret)
		}
	}
}

func TestDoesNotModifyReport(t *testing.T) {
	r := richReport()
	r.Findings[0], r.Findings[len(r.Findings)-1] = r.Findings[len(r.Findings)-1], r.Findings[0]
	before := append([]report.Finding(nil), r.Findings...)
	Build(r)
	if diff := cmp.Diff(before, r.Findings); diff != "" {
		t.Errorf("Build reordered the report's findings:\n%s", diff)
	}
}
