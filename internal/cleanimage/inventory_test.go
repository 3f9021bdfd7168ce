package cleanimage

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/report"
)

// TestDebianInventory inspects the debootstrap Debian rootfs with every
// inventory reader and compares the dpkg packages of the report with
// dpkg's own list of the same database: every installed package, with its
// version and source package and version.
func TestDebianInventory(t *testing.T) {
	tarPath := debianTar(t)
	query, err := exec.LookPath("dpkg-query")
	if err != nil {
		t.Skip("dpkg-query not installed")
	}
	admin := t.TempDir()
	if err := os.WriteFile(filepath.Join(admin, "status"), fileInTar(t, tarPath, "var/lib/dpkg/status"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(query, "-W", "--admindir="+admin,
		"-f", "${db:Status-Status} ${Package} ${Version} ${source:Package} ${source:Version}\n").Output()
	if err != nil {
		t.Fatalf("dpkg-query: %v", err)
	}
	var want []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if status, rest, _ := strings.Cut(l, " "); status == "installed" {
			want = append(want, rest)
		}
	}
	sort.Strings(want)
	if len(want) < 50 {
		t.Fatalf("dpkg-query lists %d installed packages, want a full minbase rootfs", len(want))
	}

	ref := layout(t, "debian:bookworm-minbase", debianConfig(),
		step{CreatedBy: "debootstrap --variant=minbase bookworm", Layer: tarLayer(t, tarPath)})
	r := inspect(t, ref)
	if r.Inventory == nil {
		t.Fatal("no inventory in the report")
	}
	var got []string
	for _, p := range r.Inventory.Packages {
		if p.Type != "deb" {
			continue
		}
		src, srcVersion := p.Source, p.SourceVersion
		if src == "" {
			src, srcVersion = p.Name, p.Version
		}
		got = append(got, fmt.Sprintf("%s %s %s %s", p.Name, p.Version, src, srcVersion))
		if p.Path != "/var/lib/dpkg/status" || p.FoundBy != "dpkg" || !strings.HasPrefix(p.PURL, "pkg:deb/debian/") {
			t.Errorf("%s: path %q found by %q purl %q", p.Name, p.Path, p.FoundBy, p.PURL)
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dpkg packages (-dpkg-query +customs):\n%s", diff)
	}
	if len(r.Inventory.Errors) > 0 {
		t.Errorf("inventory errors on a clean Debian rootfs: %v", r.Inventory.Errors)
	}
	assertNoInventoryAlarm(t, r)
}

// assertNoInventoryAlarm fails on a known-vulnerability finding above Info
// where no vulnerability database was given.
func assertNoInventoryAlarm(t *testing.T, r *report.Report) {
	t.Helper()
	for _, f := range r.Findings {
		if f.Check == "vulns/known" && f.Severity > report.SeverityInfo {
			t.Errorf("vulns/known without a database: %s", f.Message)
		}
	}
}

// fileInTar returns the content of the file at name in the tar at path.
func fileInTar(t *testing.T, path, name string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			t.Fatalf("%s has no %s", path, name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimPrefix(h.Name, "./") == name {
			data, err := io.ReadAll(io.LimitReader(tr, 64<<20))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
}
