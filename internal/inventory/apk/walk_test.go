package apk

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/walk"
)

// walkLayer runs the layer pass with the apk extractor over an
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
