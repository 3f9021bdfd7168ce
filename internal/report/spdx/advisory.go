package spdx

import (
	"github.com/spdx/tools-golang/spdx/v2/v2_3"

	"github.com/customs-oss/customs/internal/report"
)

// osvURL is where an OSV record can be read.
const osvURL = "https://osv.dev/vulnerability/"

// addAdvisories records each known vulnerability as a SECURITY advisory
// reference of the package it affects. SPDX 2.3 has no vulnerability
// elements; CycloneDX output carries the details.
func (b *builder) addAdvisories(findings []report.Finding) {
	for _, f := range findings {
		v := f.Evidence.Vulnerability
		if v == nil || v.ID == "" {
			continue
		}
		pkg := b.byPURL[v.PURL]
		if pkg == nil || v.PURL == "" {
			pkg = b.byKey[key(v.Package, v.Installed, f.Evidence.Path)]
		}
		if pkg == nil {
			continue
		}
		ref := &v2_3.PackageExternalReference{Category: "SECURITY", RefType: "advisory", Locator: osvURL + v.ID}
		if v.Fixed != "" {
			ref.ExternalRefComment = v.ID + ": fixed in " + v.Fixed
		} else {
			ref.ExternalRefComment = v.ID + ": no fix"
		}
		pkg.PackageExternalReferences = append(pkg.PackageExternalReferences, ref)
	}
}
