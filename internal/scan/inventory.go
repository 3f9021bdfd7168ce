package scan

import (
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/purl"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// describeInventory builds the report's inventory from the merged packages;
// nil when no inventory reader ran.
func describeInventory(img *facts.Image, taken bool) *report.Inventory {
	if !taken {
		return nil
	}
	inv := &report.Inventory{Packages: make([]report.Package, 0, len(img.Packages))}
	for _, p := range img.Packages {
		inv.Packages = append(inv.Packages, reportPackage(p, img.OS))
	}
	for _, p := range img.RemovedPackages {
		inv.Removed = append(inv.Removed, report.RemovedPackage{Package: reportPackage(p.Package, img.OS), RemovedBy: p.RemovedBy})
	}
	for _, e := range img.InventoryErrors {
		inv.Errors = append(inv.Errors, redact.Text(e))
	}
	return inv
}

// reportPackage is one package as the report shows it, with its package
// URL and an absolute path.
func reportPackage(p facts.Package, os facts.OS) report.Package {
	return report.Package{
		Type: p.Type, Name: p.Name, Version: p.Version,
		Source: p.Source, SourceVersion: p.SourceVersion, Arch: p.Arch, Licenses: p.Licenses,
		PURL: purl.For(p, os), Path: "/" + p.Path, Layer: p.Layer, FoundBy: p.Via,
	}
}
