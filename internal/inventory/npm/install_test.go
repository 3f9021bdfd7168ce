package npm

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
)

// TestRealInstall installs express 4.17.1 with npm, puts the application
// directory in a layer, and checks the layer pass lists exactly the
// packages `npm ls` says are installed, each from its own package.json,
// and the same names and versions from the package-lock.json. It needs npm
// and its registry, and skips without them.
func TestRealInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("installs packages with npm")
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm is not installed")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	install := exec.CommandContext(ctx, npm, "install", "--ignore-scripts", "--no-audit", "--no-fund", "express@4.17.1")
	install.Dir = dir
	if out, err := install.CombinedOutput(); err != nil {
		t.Skipf("npm install failed (offline?): %v\n%s", err, out)
	}
	ls := exec.CommandContext(ctx, npm, "ls", "--all", "--parseable", "--long")
	ls.Dir = dir
	out, err := ls.Output()
	if err != nil {
		t.Fatalf("npm ls: %v", err)
	}

	var want []facts.Package
	for line := range strings.Lines(string(out)) {
		p, nv, ok := strings.Cut(strings.TrimSpace(line), ":")
		rel, err := filepath.Rel(dir, p)
		if !ok || err != nil || rel == "." {
			continue
		}
		i := strings.LastIndexByte(nv, '@')
		want = append(want, facts.Package{Name: nv[:i], Version: nv[i+1:], Path: "app/" + filepath.ToSlash(rel) + "/package.json", Via: "npm"})
	}
	if len(want) < 40 {
		t.Fatalf("npm ls listed %d packages; express 4.17.1 needs about 50", len(want))
	}

	lf := walkLayer(t, treeFiles(t, dir, "app")...)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	var installed, locked []facts.Package
	for _, p := range lf.Packages {
		nv := facts.Package{Name: p.Name, Version: p.Version, Path: p.Path, Via: p.Via}
		switch {
		case p.Via == "npm":
			installed = append(installed, nv)
		case p.Path == "app/package-lock.json":
			nv.Path, nv.Via = "", ""
			locked = append(locked, nv)
		default:
			t.Errorf("unexpected package %+v", p)
		}
	}
	byPath := func(a, b facts.Package) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(want, byPath)
	slices.SortFunc(installed, byPath)
	if diff := cmp.Diff(want, installed); diff != "" {
		t.Errorf("installed packages differ from npm ls (-npm ls +listed):\n%s", diff)
	}
	var wantLocked []facts.Package
	for _, p := range want {
		wantLocked = append(wantLocked, facts.Package{Name: p.Name, Version: p.Version})
	}
	if diff := cmp.Diff(unique(wantLocked), locked); diff != "" {
		t.Errorf("package-lock.json packages differ from npm ls (-npm ls +listed):\n%s", diff)
	}
}

// treeFiles returns the regular files under root as layer entries under
// prefix.
func treeFiles(t testing.TB, root, prefix string) []imagetest.File {
	t.Helper()
	var files []imagetest.File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, imagetest.File{Path: prefix + "/" + filepath.ToSlash(rel), Content: string(b)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
