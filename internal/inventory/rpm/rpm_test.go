package rpm

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func file(p string) *facts.Entry { return &facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644} }

func TestLimit(t *testing.T) {
	tests := []struct {
		path string
		want int64
	}{
		{"var/lib/rpm/Packages", maxDatabase},
		{"var/lib/rpm/rpmdb.sqlite", maxDatabase},
		{"usr/lib/sysimage/rpm/rpmdb.sqlite", maxDatabase},
		{"var/lib/rpm/Packages.db", maxDatabase},
		{"usr/lib/sysimage/rpm/Packages.db", maxDatabase},
		{"var/lib/rpm/Name", 0},
		{"var/lib/rpm/rpmdb.sqlite-shm", 0},
		{"usr/lib/sysimage/rpm/Packages", 0},
	}
	for _, tt := range tests {
		if got := New().Limit(file(tt.path)); got != tt.want {
			t.Errorf("Limit(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
	if got := New().Limit(&facts.Entry{Path: "var/lib/rpm/Packages", Type: facts.TypeDir}); got != 0 {
		t.Errorf("Limit(directory) = %d", got)
	}
}

// databaseCases are the real databases in testdata, from go-rpmdb's
// tests, with what rpm -qa lists in them (go-rpmdb's expectations).
var databaseCases = []struct {
	name, file, path string
	count            int
	some             []facts.Package
}{
	{
		name: "bdb", file: "bdb/Packages", path: "var/lib/rpm/Packages", count: 1,
		some: []facts.Package{{Type: "rpm", Name: "libuuid", Version: "2.32.1-42.el8_8", Source: "util-linux", SourceVersion: "2.32.1-42.el8_8", Arch: "x86_64", Licenses: []string{"BSD"}}},
	},
	{
		name: "ndb", file: "ndb/Packages.db", path: "usr/lib/sysimage/rpm/Packages.db", count: 35,
		some: []facts.Package{
			{Type: "rpm", Name: "system-user-root", Version: "20190513-3.3.1", Source: "system-user-root", SourceVersion: "20190513-3.3.1", Arch: "noarch", Licenses: []string{"MIT"}},
			{Type: "rpm", Name: "libpcre1", Version: "8.45-20.10.1", Source: "pcre", SourceVersion: "8.45-20.10.1", Arch: "x86_64", Licenses: []string{"BSD-3-Clause"}},
		},
	},
	{
		name: "sqlite", file: "sqlite/rpmdb.sqlite", path: "var/lib/rpm/rpmdb.sqlite", count: 5,
		some: []facts.Package{
			{Type: "rpm", Name: "gmp", Version: "1:6.2.0-7.fc35", Source: "gmp", SourceVersion: "1:6.2.0-7.fc35", Arch: "x86_64", Licenses: []string{"LGPLv3+ or GPLv2+"}},
			{Type: "rpm", Name: "openssl-libs", Version: "1:1.1.1l-2.fc35", Source: "openssl", SourceVersion: "1:1.1.1l-2.fc35", Arch: "x86_64", Licenses: []string{"OpenSSL and ASL 2.0"}},
		},
	},
}

// TestDatabases lists the packages of a real database of each format and
// compares them with their golden files.
func TestDatabases(t *testing.T) {
	for _, tt := range databaseCases {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			pkgs, err := New().Extract(context.Background(), file(tt.path), data)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if len(pkgs) != tt.count {
				t.Errorf("%d packages, want %d", len(pkgs), tt.count)
			}
			for _, want := range tt.some {
				if !containsPackage(pkgs, want) {
					t.Errorf("%s %s not listed as %+v", want.Name, want.Version, want)
				}
			}
			checkGolden(t, filepath.Join("testdata", tt.name+".golden.json"), pkgs)
		})
	}
}

// containsPackage reports whether pkgs holds want.
func containsPackage(pkgs []facts.Package, want facts.Package) bool {
	for _, p := range pkgs {
		if cmp.Equal(p, want) {
			return true
		}
	}
	return false
}

// checkGolden compares pkgs, as JSON, with the golden file.
func checkGolden(t *testing.T, golden string, pkgs []facts.Package) {
	t.Helper()
	got, err := json.MarshalIndent(pkgs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("packages differ from %s (-want +got):\n%s", golden, diff)
	}
}

// TestDamaged checks that a database damaged anywhere gives an error or
// fewer packages, never a panic, a hang or a package from nowhere.
func TestDamaged(t *testing.T) {
	for _, tt := range databaseCases {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, cut := range []int{0, 15, 16, 100, 511, 512, 4096, len(data) / 2} {
			if cut > len(data) {
				continue
			}
			pkgs, err := New().Extract(context.Background(), file(tt.path), data[:cut])
			if err == nil && len(pkgs) == tt.count {
				t.Errorf("%s cut at %d: all %d packages and no error", tt.name, cut, len(pkgs))
			}
		}
		garbled := append([]byte(nil), data...)
		for i := 512; i < len(garbled); i += 97 {
			garbled[i] ^= 0x5a
		}
		if _, err := New().Extract(context.Background(), file(tt.path), garbled); err == nil {
			t.Errorf("%s garbled: no error", tt.name)
		}
	}
}

func TestWrongFormat(t *testing.T) {
	apk := []byte("P:musl\nV:1.1.22-r3\n")
	for _, p := range []string{"var/lib/rpm/Packages", "var/lib/rpm/rpmdb.sqlite", "var/lib/rpm/Packages.db"} {
		pkgs, err := New().Extract(context.Background(), file(p), apk)
		if err == nil || len(pkgs) != 0 {
			t.Errorf("%s holding an apk database: %d packages, error %v", p, len(pkgs), err)
		}
	}
	if _, err := New().Extract(context.Background(), file("etc/passwd"), apk); err == nil || !strings.Contains(err.Error(), "not an rpm database") {
		t.Errorf("etc/passwd: error %v", err)
	}
}
