package npm

import (
	"testing"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass over files with the npm readers.
func walkLayer(t testing.TB, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New(), NewLock()}}, files...)
}

// TestWalk runs the readers inside the layer pass: each package is stamped
// with its file and reader, files that are not packages are passed over,
// and a broken or oversized manifest is an inventory error, not a failure.
func TestWalk(t *testing.T) {
	lf := walkLayer(t,
		imagetest.File{Path: "usr/lib/node_modules/npm/package.json", Content: `{"name":"npm","version":"10.2.4","license":"Artistic-2.0"}`},
		imagetest.File{Path: "usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json", Content: `{"name":"@npmcli/arborist","version":"7.2.1","license":"ISC"}`},
		imagetest.File{Path: "usr/lib/node_modules/npm/lib/package.json", Content: `{"type":"commonjs"}`},
		imagetest.File{Path: "app/package.json", Content: `{"name":"app","version":"1.0.0"}`},
		imagetest.File{Path: "app/yarn.lock", Content: "ms@^2.1.1:\n  version \"2.1.3\"\n"},
		imagetest.File{Path: "app/node_modules/broken/package.json", Content: `{"name":`},
		imagetest.File{Path: "app/node_modules/huge/package.json", Size: manifestLimit + 1},
	)
	want := []facts.Package{
		{Type: "npm", Name: "npm", Version: "10.2.4", Licenses: []string{"Artistic-2.0"}, Path: "usr/lib/node_modules/npm/package.json", Via: "npm"},
		{Type: "npm", Name: "@npmcli/arborist", Version: "7.2.1", Licenses: []string{"ISC"}, Path: "usr/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json", Via: "npm"},
		{Type: "npm", Name: "ms", Version: "2.1.3", Path: "app/yarn.lock", Via: "npm-lock"},
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("packages mismatch (-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 2 {
		t.Errorf("inventory errors = %q, want the broken and the huge manifest", lf.InventoryErrors)
	}
}
