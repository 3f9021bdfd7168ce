package rpm

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	rpmdb "github.com/knqyf263/go-rpmdb/pkg"
)

// rpmdbTestdata returns the directory of the databases in go-rpmdb's
// module, skipping when the module is not in the module cache.
func rpmdbTestdata(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/knqyf263/go-rpmdb").Output()
	dir := filepath.Join(strings.TrimSpace(string(out)), "pkg", "testdata")
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("go-rpmdb not in the module cache: %v", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("go-rpmdb's test databases: %v", err)
	}
	return dir
}

// TestAgainstGoRpmdb lists the packages of every database go-rpmdb tests
// itself with, Berkeley DB, SQLite and ndb from CentOS 5 to Fedora 35, and
// compares them with what go-rpmdb lists.
func TestAgainstGoRpmdb(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 250 MB of databases")
	}
	dir := rpmdbTestdata(t)
	dbs, err := filepath.Glob(filepath.Join(dir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{"Packages": "var/lib/rpm/Packages", "rpmdb.sqlite": "var/lib/rpm/rpmdb.sqlite", "Packages.db": "var/lib/rpm/Packages.db"}
	checked := 0
	for _, db := range dbs {
		path, ok := paths[filepath.Base(db)]
		if !ok {
			continue
		}
		checked++
		t.Run(filepath.Base(filepath.Dir(db)), func(t *testing.T) {
			want := listWithGoRpmdb(t, db)
			data, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			pkgs, err := New().Extract(context.Background(), file(path), data)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			var got []string
			for _, p := range pkgs {
				got = append(got, fmt.Sprintf("%s %s %s %s %s %q", p.Name, p.Version, p.Arch, p.Source, p.SourceVersion, p.Licenses))
			}
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("packages differ from go-rpmdb's (-want +got):\n%s", diff)
			}
		})
	}
	if checked < 10 {
		t.Errorf("only %d databases in %s", checked, dir)
	}
}

// listWithGoRpmdb lists the packages of the database file db with
// go-rpmdb, in the extractor's terms.
func listWithGoRpmdb(t *testing.T, db string) []string {
	t.Helper()
	h, err := rpmdb.Open(db)
	if err != nil {
		t.Fatalf("go-rpmdb: %v", err)
	}
	defer h.Close()
	infos, err := h.ListPackages()
	if err != nil {
		t.Fatalf("go-rpmdb: %v", err)
	}
	var want []string
	for _, p := range infos {
		v := p.Version + "-" + p.Release
		if p.EpochNum() > 0 {
			v = fmt.Sprintf("%d:%s", p.EpochNum(), v)
		}
		src, srcV := "", ""
		if base, ok := strings.CutSuffix(p.SourceRpm, ".src.rpm"); ok {
			f := strings.Split(base, "-")
			src, srcV = strings.Join(f[:len(f)-2], "-"), strings.Join(f[len(f)-2:], "-")
			if p.EpochNum() > 0 {
				srcV = fmt.Sprintf("%d:%s", p.EpochNum(), srcV)
			}
		}
		var lic []string
		if p.License != "" {
			lic = []string{p.License}
		}
		want = append(want, fmt.Sprintf("%s %s %s %s %s %q", p.Name, v, p.Arch, src, srcV, lic))
	}
	sort.Strings(want)
	return want
}
