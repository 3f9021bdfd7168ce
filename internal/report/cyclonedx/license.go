package cyclonedx

import (
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/customs-oss/customs/internal/report/spdx"
)

// licenses lists what the package metadata declares: SPDX identifiers as
// ids, anything else by name. When the declarations include expressions
// ("MIT OR Apache-2.0") and all of them are valid, they are joined into the
// one expression CycloneDX allows.
func licenses(declared []string) *cdx.Licenses {
	if len(declared) == 0 {
		return nil
	}
	var exprs []string
	allValid, anyExpr := true, false
	for _, d := range declared {
		e, ok := spdx.Expression(d)
		if !ok {
			allValid = false
			break
		}
		if _, id := spdx.LicenseID(d); !id {
			anyExpr = true
		}
		exprs = append(exprs, e)
	}
	if allValid && anyExpr {
		if len(exprs) > 1 {
			for i, e := range exprs {
				exprs[i] = "(" + e + ")"
			}
		}
		return &cdx.Licenses{{Expression: strings.Join(exprs, " AND ")}}
	}
	out := make(cdx.Licenses, 0, len(declared))
	for _, d := range declared {
		if id, ok := spdx.LicenseID(d); ok {
			out = append(out, cdx.LicenseChoice{License: &cdx.License{ID: id}})
		} else {
			out = append(out, cdx.LicenseChoice{License: &cdx.License{Name: d}})
		}
	}
	return &out
}
