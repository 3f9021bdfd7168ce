package cyclonedx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

// FuzzWrite checks that whatever names, versions and licences an image's
// metadata declares, the SBOM stays valid CycloneDX 1.6.
func FuzzWrite(f *testing.F) {
	f.Add("libssl3", "3.0.11-1~deb12u2", "Apache-2.0", "deb", "CVE-2024-5535")
	f.Add("@a/b", "1.0", "MIT OR (BSD", "npm", "")
	f.Add("x\u00e9\"<>", "", "mit or apache-2.0", "pypi", "GHSA-x")
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, name, version, license, typ, vuln string) {
		r := &report.Report{
			Tool:  report.Tool{Name: "customs", Version: "1"},
			Image: report.Image{Reference: name, Name: name, Digest: "sha256:" + strings.Repeat("a", 64)},
			Inventory: &report.Inventory{Packages: []report.Package{
				{Type: typ, Name: name, Version: version, Licenses: []string{license, license}},
				{Type: typ, Name: name, Version: version, Licenses: []string{license}},
			}},
			Findings: []report.Finding{{Severity: report.SeverityHigh, Evidence: report.Evidence{
				Vulnerability: &report.Vulnerability{ID: vuln, Package: name, Installed: version, Fixed: version, CVSS: license},
			}}},
		}
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		validate(t, sch, buf.Bytes())
	})
}
