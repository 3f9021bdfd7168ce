package dpkg

import (
	"archive/tar"
	"context"
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
)

// debianStatus returns the dpkg status file of the Debian bookworm minbase
// rootfs the cleanimage tests build with debootstrap and cache, skipping
// when it is not cached.
func debianStatus(t *testing.T) []byte {
	t.Helper()
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no cache directory: %v", err)
	}
	f, err := os.Open(filepath.Join(base, "customs-test", "debootstrap-bookworm-minbase.tar"))
	if err != nil {
		t.Skipf("Debian rootfs not cached (the cleanimage tests build it): %v", err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			t.Fatal("the cached Debian rootfs has no var/lib/dpkg/status")
		}
		if err != nil {
			t.Fatalf("reading the cached Debian rootfs: %v", err)
		}
		if strings.TrimPrefix(h.Name, "./") == statusFile {
			data, err := io.ReadAll(io.LimitReader(tr, maxStatus))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
}

// dpkgQuery lists, with dpkg itself, the packages of the status file data
// whose files are installed, one "name version source source-version" line
// each.
func dpkgQuery(t *testing.T, data []byte) []string {
	t.Helper()
	query, err := exec.LookPath("dpkg-query")
	if err != nil {
		t.Skip("dpkg-query not installed")
	}
	admin := t.TempDir()
	if err := os.WriteFile(filepath.Join(admin, "status"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(query, "-W", "--admindir="+admin, "-f", "${db:Status-Status} ${Package} ${Version} ${source:Package} ${source:Version}\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dpkg-query: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		status, rest, _ := strings.Cut(l, " ")
		if installed("install ok " + status) {
			lines = append(lines, rest)
		}
	}
	sort.Strings(lines)
	return lines
}

// TestDebian lists every package of a real Debian rootfs and compares the
// list with dpkg's own.
func TestDebian(t *testing.T) {
	data := debianStatus(t)
	want := dpkgQuery(t, data)
	if n := strings.Count(string(data), "\nStatus: install ok installed\n"); n != len(want) {
		t.Fatalf("the status file has %d installed stanzas, dpkg-query lists %d", n, len(want))
	}
	pkgs, err := New().Extract(context.Background(), file(statusFile), data)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	var got []string
	for _, p := range pkgs {
		src, srcVersion := p.Source, p.SourceVersion
		if src == "" {
			src, srcVersion = p.Name, p.Version
		}
		got = append(got, fmt.Sprintf("%s %s %s %s", p.Name, p.Version, src, srcVersion))
	}
	sort.Strings(got)
	if len(got) < 50 {
		t.Errorf("only %d packages in a Debian minbase rootfs", len(got))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages differ from dpkg-query's (-want +got):\n%s", diff)
	}
}
