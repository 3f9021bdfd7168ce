package version

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vectorFiles maps each ordering test vector file, copied from
// google/osv-scalibr (Apache-2.0, see testdata/vectors/LICENSE), to the
// ecosystem whose ordering it checks.
var vectorFiles = map[string]string{
	"debian-versions.txt":             "Debian",
	"debian-versions-generated.txt":   "Debian",
	"alpine-versions.txt":             "Alpine",
	"alpine-versions-generated.txt":   "Alpine",
	"redhat-versions.txt":             "Red Hat",
	"pypi-versions.txt":               "PyPI",
	"pypi-versions-generated.txt":     "PyPI",
	"maven-versions.txt":              "Maven",
	"maven-versions-generated.txt":    "Maven",
	"rubygems-versions.txt":           "RubyGems",
	"rubygems-versions-generated.txt": "RubyGems",
	"semver-versions.txt":             "Go",
}

// semverEcosystems are checked against semver-versions.txt as well as Go.
var semverEcosystems = []string{"npm", "crates.io"}

func TestVectors(t *testing.T) {
	for file, eco := range vectorFiles {
		ecos := []string{eco}
		if file == "semver-versions.txt" {
			ecos = append(ecos, semverEcosystems...)
		}
		for _, eco := range ecos {
			t.Run(eco+"/"+file, func(t *testing.T) {
				t.Parallel()
				runVectors(t, eco, filepath.Join("testdata", "vectors", file))
			})
		}
	}
}

// runVectors checks every "a < b", "a = b" and "a > b" line of path, in
// both directions.
func runVectors(t *testing.T, eco, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]int{"<": -1, "=": 0, ">": 1}
	sc := bufio.NewScanner(f)
	n, failed := 0, 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") {
			continue
		}
		fields := strings.Fields(text)
		w, ok := want[fields[min(1, len(fields)-1)]]
		if len(fields) != 3 || !ok {
			t.Fatalf("%s:%d: malformed vector %q", path, line, text)
		}
		n++
		a, b := fields[0], fields[2]
		got, err := Compare(eco, a, b)
		if err != nil {
			failed++
			t.Errorf("%s:%d: Compare(%q, %q): %v", path, line, a, b, err)
			continue
		}
		rev, err := Compare(eco, b, a)
		if err != nil {
			failed++
			t.Errorf("%s:%d: Compare(%q, %q): %v", path, line, b, a, err)
			continue
		}
		if got != w || rev != -w {
			failed++
			t.Errorf("%s:%d: %s: Compare = %d, reversed %d; want %d", path, line, text, got, rev, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("%s: no vectors", path)
	}
	t.Logf("%s: %d vectors, %d failed", path, n, failed)
}
