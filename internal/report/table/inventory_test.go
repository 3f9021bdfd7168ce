package table

import (
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

func TestInventory(t *testing.T) {
	pkg := func(name, by string) report.Package {
		return report.Package{Type: "apk", Name: name, Version: "1.0-r0", Path: "/lib/apk/db/installed", FoundBy: by}
	}
	tests := []struct {
		name string
		inv  *report.Inventory
		want []string
		not  []string
	}{
		{"none taken", nil, nil, []string{"INVENTORY"}},
		{"empty", &report.Inventory{Packages: []report.Package{}}, []string{"INVENTORY", "no installed package found"}, nil},
		{"counted", &report.Inventory{
			Packages: []report.Package{pkg("musl", "apk"), pkg("zlib", "apk"), pkg("lodash", "npm")},
			Removed:  []report.RemovedPackage{{Package: pkg("curl", "apk"), RemovedBy: 2}},
			Errors:   []string{"layer 1: rpm: /var/lib/rpm/Packages: not a Berkeley DB file"},
		}, []string{
			"3 installed packages",
			"apk 2, npm 1",
			"removed by a later layer, not installed: curl 1.0-r0 (layer 2)",
			"not read: layer 1: rpm: /var/lib/rpm/Packages: not a Berkeley DB file",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &report.Report{Image: report.Image{Reference: "x", Source: "oci"}, Findings: []report.Finding{}, Inventory: tt.inv}
			out := render(t, r, Options{})
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}
