package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

func TestWriterFor(t *testing.T) {
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: "1.0.0"},
		Image: report.Image{Reference: "oci:x", Name: "example.com/app:1", Source: "oci",
			Digest: "sha256:" + strings.Repeat("ab", 32)},
	}
	withInventory := *r
	withInventory.Inventory = &report.Inventory{Packages: []report.Package{{Type: "npm", Name: "lodash", Version: "4.17.21", PURL: "pkg:npm/lodash@4.17.21"}}}
	for _, tc := range []struct {
		format string
		report *report.Report
		want   string
		warns  bool
	}{
		{"table", r, "example.com/app:1", false},
		{"", r, "example.com/app:1", false},
		{"json", r, `"schemaVersion": "1"`, false},
		{"sarif", r, `"version": "2.1.0"`, false},
		{"cyclonedx", r, `"bomFormat": "CycloneDX"`, true},
		{"cyclonedx", &withInventory, `"purl": "pkg:npm/lodash@4.17.21"`, false},
		{"spdx", r, `"spdxVersion": "SPDX-2.3"`, true},
		{"spdx", &withInventory, `"referenceLocator": "pkg:npm/lodash@4.17.21"`, false},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			write, err := writerFor(tc.format, Env{Stderr: &stderr})
			if err != nil {
				t.Fatal(err)
			}
			if err := write(&stdout, tc.report, false); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stdout.String(), tc.want) {
				t.Errorf("output lacks %s:\n%s", tc.want, stdout.String())
			}
			if warned := strings.Contains(stderr.String(), "no package inventory"); warned != tc.warns {
				t.Errorf("warned = %v, want %v (stderr %q)", warned, tc.warns, stderr.String())
			}
		})
	}
}

func TestWriterForUnknown(t *testing.T) {
	_, err := writerFor("xml", Env{})
	if err == nil || !strings.Contains(err.Error(), "cyclonedx or spdx") {
		t.Fatalf("writerFor(xml) = %v, want an error listing the formats", err)
	}
	if code := exitCode(err); code != ExitUsage {
		t.Errorf("exit code %d, want %d", code, ExitUsage)
	}
}

// TestFormatHelp keeps the --format help in step with the formats accepted.
func TestFormatHelp(t *testing.T) {
	for _, f := range []string{"table", "json", "sarif", "cyclonedx", "spdx"} {
		if _, err := writerFor(f, Env{}); err != nil {
			t.Errorf("writerFor(%q): %v", f, err)
		}
		if !strings.Contains(formatHelp, f) {
			t.Errorf("the --format help does not mention %s", f)
		}
	}
}
