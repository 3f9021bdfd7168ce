package rpm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/walk"
)

// walkLayer runs the layer pass with the rpm extractor over an
// uncompressed layer holding files.
func walkLayer(t *testing.T, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	raw := imagetest.Tar(t, files...)
	sum := sha256.Sum256(raw)
	h := v1.Hash{Algorithm: "sha256", Hex: hex.EncodeToString(sum[:])}
	opt := walk.DefaultOptions()
	opt.Inventory = inventory.Set{Extractors: []inventory.Extractor{New()}}
	b := walk.Blob{
		Open:   func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil },
		Digest: h, Size: int64(len(raw)), DiffID: h,
	}
	lf, err := walk.Layer(context.Background(), b, opt)
	if err != nil {
		t.Fatalf("walk.Layer: %v", err)
	}
	return lf
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
