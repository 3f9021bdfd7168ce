package spdx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

// FuzzExpression checks that what Expression accepts it writes in a form it
// accepts again unchanged.
func FuzzExpression(f *testing.F) {
	for _, s := range []string{"MIT", "mit OR apache-2.0", "(MIT OR BSD-3-Clause) AND Zlib", "GPL-2.0+ WITH Classpath-exception-2.0", "((", "MIT AND", "ASL 2.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := Expression(s)
		if !ok {
			return
		}
		again, ok := Expression(e)
		if !ok || again != e {
			t.Errorf("Expression(%q) = %q, which reads back as %q, %v", s, e, again, ok)
		}
	})
}

// FuzzWrite checks that whatever names, versions and licences an image's
// metadata declares, the document stays valid SPDX 2.3.
func FuzzWrite(f *testing.F) {
	f.Add("libssl3", "3.0.11-1~deb12u2", "Apache-2.0", "deb")
	f.Add("@a/b", "1.0", "MIT OR (BSD", "npm")
	f.Add("x\u00e9\"<>", "", "  ", "pypi")
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, name, version, license, typ string) {
		r := &report.Report{
			Tool:  report.Tool{Name: "customs", Version: "1"},
			Image: report.Image{Reference: name, Digest: "sha256:" + strings.Repeat("a", 64)},
			Inventory: &report.Inventory{Packages: []report.Package{
				{Type: typ, Name: name, Version: version, Licenses: []string{license, license}},
				{Type: typ, Name: name, Version: version, Licenses: []string{license}},
			}},
		}
		var buf bytes.Buffer
		if err := Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		if err := validate(sch, buf.Bytes()); err != nil {
			t.Fatalf("invalid SPDX for %q %q %q: %v", name, version, license, err)
		}
	})
}
