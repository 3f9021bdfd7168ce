package python

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass over files with the Python reader.
func walkLayer(t testing.TB, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}}, files...)
}

func TestWalk(t *testing.T) {
	sp := "usr/local/lib/python3.11/site-packages/"
	lf := walkLayer(t,
		imagetest.File{Path: sp + "attrs-26.1.0.dist-info/METADATA", Content: string(readFile(t, "attrs.METADATA"))},
		imagetest.File{Path: sp + "attrs-26.1.0.dist-info/RECORD", Content: "attrs/__init__.py,,\n"},
		imagetest.File{Path: "usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO", Content: string(readFile(t, "PyJWT.PKG-INFO"))},
		imagetest.File{Path: sp + "broken-1.0.dist-info/METADATA", Content: "Name: broken\n"},
	)
	want := []facts.Package{
		{Type: "pypi", Name: "attrs", Version: "26.1.0", Licenses: []string{"MIT"}, Path: sp + "attrs-26.1.0.dist-info/METADATA", Via: "python"},
		{Type: "pypi", Name: "PyJWT", Version: "2.6.0", Licenses: []string{"MIT"}, Path: "usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO", Via: "python"},
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("packages mismatch (-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 1 {
		t.Errorf("inventory errors = %q, want the broken metadata", lf.InventoryErrors)
	}
}

// TestSitePackages puts the metadata directories of this machine's python3
// site-packages in a layer and checks every distribution `pip list`
// reports is listed with the same version. It skips without python3 and
// pip.
func TestSitePackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pip")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, py, "-c", `import sysconfig; print(sysconfig.get_paths()["purelib"])`).Output()
	if err != nil {
		t.Skipf("python3 has no purelib: %v", err)
	}
	purelib := strings.TrimSpace(string(out))
	out, err = exec.CommandContext(ctx, py, "-m", "pip", "list", "--format=json", "--path", purelib).Output()
	if err != nil {
		t.Skipf("pip list: %v", err)
	}
	var listed []struct{ Name, Version string }
	if err := json.Unmarshal(out, &listed); err != nil {
		t.Fatalf("pip list output: %v", err)
	}
	if len(listed) == 0 {
		t.Skip("no distributions installed")
	}
	want := map[string]string{}
	for _, d := range listed {
		want[normalise(d.Name)] = d.Version
	}

	lf := walkLayer(t, metadataDirs(t, purelib, "usr/local/lib/python3/site-packages")...)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	got := map[string]string{}
	for _, p := range lf.Packages {
		got[normalise(p.Name)] = p.Version
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("listed distributions differ from pip list (-pip +listed):\n%s", diff)
	}
}

var separators = regexp.MustCompile(`[-_.]+`)

// normalise is the PEP 503 form of a distribution name, in which pip and
// the metadata may spell it differently.
func normalise(name string) string {
	return separators.ReplaceAllString(strings.ToLower(name), "-")
}

// metadataDirs returns, as layer entries under prefix, the files of each
// *.dist-info and *.egg-info directory in root and its *.egg-info files.
func metadataDirs(t testing.TB, root, prefix string) []imagetest.File {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var files []imagetest.File
	add := func(p string) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, imagetest.File{Path: prefix + "/" + filepath.ToSlash(rel), Content: string(b)})
	}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".dist-info") && !strings.HasSuffix(n, ".egg-info") {
			continue
		}
		if !e.IsDir() {
			add(filepath.Join(root, n))
			continue
		}
		err := filepath.WalkDir(filepath.Join(root, n), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				add(p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}
