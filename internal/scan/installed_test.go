package scan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

// TestInstalled merges the packages three layers list: the first installs
// a, b and c, the second rewrites the database without b and upgrades a,
// the third deletes the file c was read from.
func TestInstalled(t *testing.T) {
	file := func(p string) facts.Entry { return facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644} }
	pkg := func(name, version, path string) facts.Package {
		return facts.Package{Type: "deb", Name: name, Version: version, Path: path, Via: "test"}
	}
	layers := []*facts.LayerFacts{
		{
			Entries:  []facts.Entry{file("var/lib/db"), file("opt/c/meta")},
			Packages: []facts.Package{pkg("a", "1", "var/lib/db"), pkg("b", "1", "var/lib/db"), pkg("c", "1", "opt/c/meta")},
		},
		{
			Entries:         []facts.Entry{file("var/lib/db")},
			Packages:        []facts.Package{pkg("a", "2", "var/lib/db")},
			InventoryErrors: []string{"test: /var/lib/broken: unreadable"},
		},
		{Whiteouts: []facts.Whiteout{{Path: "opt/c/meta"}}},
	}
	img := &facts.Image{FS: facts.NewFS()}
	for i, lf := range layers {
		img.Layers = append(img.Layers, facts.Layer{Index: i, Facts: lf})
		img.FS.Apply(i, lf)
	}
	got, removed, errs := installed(img)
	at := func(p facts.Package, layer int) facts.Package { p.Layer = layer; return p }
	want := []facts.Package{at(pkg("a", "2", "var/lib/db"), 1)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("installed (-want +got):\n%s", diff)
	}
	wantRemoved := []facts.RemovedPackage{
		{Package: at(pkg("b", "1", "var/lib/db"), 0), RemovedBy: 1},
		{Package: at(pkg("c", "1", "opt/c/meta"), 0), RemovedBy: 2},
	}
	if diff := cmp.Diff(wantRemoved, removed); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"layer 1: test: /var/lib/broken: unreadable"}, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
