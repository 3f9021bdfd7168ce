// Package inventorytest runs inventory readers through the real layer pass
// in tests. Shipping code must not import it.
package inventorytest

import (
	"context"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/walk"
)

// Walk runs the layer pass, with the readers of set and the default
// limits, over a layer holding files, and returns its facts.
func Walk(t testing.TB, set inventory.Set, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	l := imagetest.Layer(t, files...)
	digest, err := l.Digest()
	if err != nil {
		t.Fatal(err)
	}
	diffID, err := l.DiffID()
	if err != nil {
		t.Fatal(err)
	}
	size, err := l.Size()
	if err != nil {
		t.Fatal(err)
	}
	opt := walk.DefaultOptions()
	opt.Inventory = set
	lf, err := walk.Layer(context.Background(), walk.Blob{Open: l.Compressed, Digest: digest, Size: size, DiffID: diffID}, opt)
	if err != nil {
		t.Fatalf("walk.Layer: %v", err)
	}
	return lf
}
