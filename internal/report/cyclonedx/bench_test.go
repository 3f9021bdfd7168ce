package cyclonedx

import (
	"fmt"
	"io"
	"testing"

	"github.com/customs-oss/customs/internal/report"
)

// BenchmarkWrite renders an image with 5,000 packages.
func BenchmarkWrite(b *testing.B) {
	r := richReport(b)
	pkgs := make([]report.Package, 0, 5000)
	for i := range 5000 {
		pkgs = append(pkgs, report.Package{Type: "npm", Name: fmt.Sprintf("pkg-%d", i), Version: "1.0.0",
			Licenses: []string{"MIT"}, Path: fmt.Sprintf("/app/node_modules/pkg-%d/package.json", i), Layer: 1, FoundBy: "npm"})
	}
	r.Inventory.Packages = pkgs
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
