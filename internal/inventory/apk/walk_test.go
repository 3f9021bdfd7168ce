package apk

import (
	"os"
	"testing"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass with the apk extractor over an
// uncompressed layer holding files.
func walkLayer(t *testing.T, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}}, files...)
}

// TestWalk reads the database through the layer pass, which stamps each
// package with its file, and lists nothing from a database elsewhere.
func TestWalk(t *testing.T) {
	installed, err := os.ReadFile("testdata/installed")
	if err != nil {
		t.Fatal(err)
	}
	lf := walkLayer(t,
		imagetest.File{Path: "lib/apk/db/installed", Content: string(installed)},
		imagetest.File{Path: "opt/rootfs/lib/apk/db/installed", Content: "P:x\nV:1\n"},
	)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	checkAlpine310(t, stripWalk(t, lf.Packages))
}

// stripWalk checks and clears what the walk adds to each package.
func stripWalk(t *testing.T, pkgs []facts.Package) []facts.Package {
	t.Helper()
	out := make([]facts.Package, len(pkgs))
	for i, p := range pkgs {
		if p.Path != installedFile || p.Via != "apk" {
			t.Errorf("%s: path %q via %q", p.Name, p.Path, p.Via)
		}
		p.Path, p.Via = "", ""
		out[i] = p
	}
	return out
}
