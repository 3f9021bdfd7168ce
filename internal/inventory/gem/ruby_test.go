package gem

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/inventory/inventorytest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory"
)

// walkLayer runs the layer pass over files with the gem reader.
func walkLayer(t testing.TB, files ...imagetest.File) *facts.LayerFacts {
	t.Helper()
	return inventorytest.Walk(t, inventory.Set{Extractors: []inventory.Extractor{New()}}, files...)
}

func TestWalk(t *testing.T) {
	spec := "usr/local/bundle/specifications/"
	lf := walkLayer(t,
		imagetest.File{Path: spec + "rake-13.0.6.gemspec", Content: string(readFile(t, "rake-13.0.6.gemspec"))},
		imagetest.File{Path: "usr/local/bundle/gems/rake-13.0.6/rake.gemspec", Content: string(readFile(t, "rake-13.0.6.gemspec"))},
		imagetest.File{Path: spec + "broken-1.gemspec", Content: "Gem::Specification.new do |s|\nend\n"},
		imagetest.File{Path: spec + "huge-1.gemspec", Size: specLimit + 1},
	)
	want := []facts.Package{{Type: "gem", Name: "rake", Version: "13.0.6", Licenses: []string{"MIT"}, Path: spec + "rake-13.0.6.gemspec", Via: "gem"}}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("packages mismatch (-want +got):\n%s", diff)
	}
	if len(lf.InventoryErrors) != 2 {
		t.Errorf("inventory errors = %q, want the broken and the huge gemspec", lf.InventoryErrors)
	}
}

// TestInstalledGems puts every specification this machine's Ruby loads in
// a layer and checks each gem is listed with the name, version and
// licences Ruby itself reads from it. It skips without Ruby.
func TestInstalledGems(t *testing.T) {
	ruby, err := exec.LookPath("ruby")
	if err != nil {
		t.Skip("ruby is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, ruby, "-e", `Gem::Specification.each { |s| puts [s.loaded_from, s.name, s.version, s.licenses.join(",")].join("\t") }`).Output()
	if err != nil {
		t.Skipf("ruby: %v", err)
	}
	var (
		want  []facts.Package
		files []imagetest.File
	)
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(f) != 4 || !isSpec(strings.TrimPrefix(f[0], "/")) {
			continue
		}
		b, err := os.ReadFile(f[0])
		if err != nil {
			t.Fatal(err)
		}
		p := facts.Package{Type: "gem", Name: f[1], Version: f[2], Path: strings.TrimPrefix(f[0], "/"), Via: "gem"}
		if f[3] != "" {
			p.Licenses = strings.Split(f[3], ",")
		}
		want = append(want, p)
		files = append(files, imagetest.File{Path: p.Path, Content: string(b)})
	}
	if len(want) == 0 {
		t.Skip("Ruby loads no specifications")
	}
	lf := walkLayer(t, files...)
	if len(lf.InventoryErrors) > 0 {
		t.Errorf("inventory errors: %q", lf.InventoryErrors)
	}
	if diff := cmp.Diff(want, lf.Packages); diff != "" {
		t.Errorf("listed gems differ from Ruby's (-ruby +listed):\n%s", diff)
	}
	t.Logf("%d gems", len(want))
}
