package dpkg

import (
	"os"
	"testing"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass with the dpkg extractor over an
// uncompressed layer holding files.
func walkLayer(t *testing.T, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}}, files...)
}

// TestWalk reads a status file and a distroless status.d through the
// layer pass, which stamps each package with its file.
func TestWalk(t *testing.T) {
	status, err := os.ReadFile("testdata/status")
	if err != nil {
		t.Fatal(err)
	}
	lf := walkLayer(t,
		imagetest.File{Path: "var/lib/dpkg/status", Content: string(status)},
		imagetest.File{Path: "var/lib/dpkg/status.d/libssl3", Content: "Package: libssl3\nVersion: 3.0.15-1~deb12u1\nArchitecture: amd64\nSource: openssl\n"},
		imagetest.File{Path: "var/lib/dpkg/status.d/libssl3.md5sums", Content: "0123456789abcdef0123456789abcdef  usr/lib/x86_64-linux-gnu/libssl.so.3\n"},
	)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	type row struct{ Name, Version, Path, Via string }
	var got []row
	for _, p := range lf.Packages {
		got = append(got, row{p.Name, p.Version, p.Path, p.Via})
	}
	want := []row{
		{"adduser", "3.134", statusFile, "dpkg"},
		{"apache2-utils", "2.4.71-1~deb12u1", statusFile, "dpkg"},
		{"bash", "5.2.15-2+b8", statusFile, "dpkg"},
		{"bsdutils", "1:2.38.1-5+deb12u3", statusFile, "dpkg"},
		{"libssl3", "3.0.15-1~deb12u1", "var/lib/dpkg/status.d/libssl3", "dpkg"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
}
