package sarif

import (
	"bytes"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/customs-oss/customs/internal/report"
)

// FuzzWrite feeds image-controlled strings into every text field a finding
// carries and checks that the log stays valid SARIF and never shows a
// credential that redaction recognises.
func FuzzWrite(f *testing.F) {
	f.Add("etc/passwd", "config.Env[0]", "message", "value", "docker.io/x:1", "https://example.com/a")
	f.Add("a:b/c d#e?f%g", "config.Labels[\"x\"]", "line\nbreak\ttab", "\x1b[31mred", "", "not a url")
	f.Add("/", "", "", "", "", "http://[::1]:namedport")
	f.Add("\xff\xfe", "\u202e", "\x00", "\u0085", "<script>", "javascript:alert(1)")
	f.Add("../../etc/shadow", "..", "*bold* [link](x)", "PASSWORD=hunter2", "@sha256:", "https://")
	sch := compileSchema(f)
	const secret = "AKIAIOSFODNN7EXAMPLE"
	f.Fuzz(func(t *testing.T, path, key, msg, value, ref, link string) {
		r := cleanReport()
		r.Findings = []report.Finding{
			{
				Check: "files/" + key, Title: msg, Message: msg + " " + secret + " ", Severity: report.SeverityHigh,
				Item: report.ItemMalicious, Remediation: value, References: []string{link, ref},
				Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: ref, Path: path, HiddenBy: report.Int(1),
					HistoryStep: report.Int(2), ConfigKey: key, Value: value + " " + secret + " ", Reference: ref},
			},
			{Check: key, Message: value, Evidence: report.Evidence{Path: path}},
		}
		r.Checks = append(r.Checks, report.CheckStatus{ID: key, Status: report.StatusError, Error: msg})
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("output is not JSON: %v", err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Fatalf("output does not conform to SARIF 2.1.0: %v", err)
		}
		if strings.Contains(buf.String(), secret) {
			t.Fatalf("output shows the credential %s", secret)
		}
	})
}
