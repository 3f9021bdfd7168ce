package rpm

import (
	"os"
	"testing"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass with the rpm extractor over an
// uncompressed layer holding files.
func walkLayer(t *testing.T, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}}, files...)
}

// TestWalk reads a database of each format through the layer pass, which
// stamps each package with its file.
func TestWalk(t *testing.T) {
	var files []imagetest.File
	want := map[string]int{}
	for _, tt := range databaseCases {
		data, err := os.ReadFile("testdata/" + tt.file)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, imagetest.File{Path: tt.path, Content: string(data)})
		want[tt.path] = tt.count
	}
	lf := walkLayer(t, files...)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	got := map[string]int{}
	for _, p := range lf.Packages {
		if p.Via != "rpm" || p.Type != "rpm" {
			t.Errorf("%s: type %q via %q", p.Name, p.Type, p.Via)
		}
		got[p.Path]++
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages per database (-want +got):\n%s", diff)
	}
}
