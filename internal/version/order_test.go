package version

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkOrder fails t unless Compare is a total order on a, b and c for
// ecosystem eco: reflexive, antisymmetric and transitive, with errors that
// do not depend on the order of the arguments. Maven is exempt from
// transitivity, which its own order lacks (see maven_compare.go and
// TestMavenNotTransitive).
func checkOrder(t *testing.T, eco, a, b, c string) {
	t.Helper()
	cmp := func(x, y string) (int, bool) {
		r, err := Compare(eco, x, y)
		_, errRev := Compare(eco, y, x)
		if (err == nil) != (errRev == nil) {
			t.Fatalf("Compare(%q, %q) error %v but reversed error %v", x, y, err, errRev)
		}
		if r < -1 || r > 1 {
			t.Fatalf("Compare(%q, %q) = %d, want -1, 0 or 1", x, y, r)
		}
		return r, err == nil
	}
	for _, x := range []string{a, b, c} {
		if r, ok := cmp(x, x); ok && r != 0 {
			t.Fatalf("Compare(%q, %[1]q) = %d, want 0", x, r)
		}
	}
	ab, okAB := cmp(a, b)
	ba, _ := cmp(b, a)
	if okAB && ab != -ba {
		t.Fatalf("Compare(%q, %q) = %d but reversed %d", a, b, ab, ba)
	}
	bc, okBC := cmp(b, c)
	ac, okAC := cmp(a, c)
	if !okAB || !okBC || !okAC || eco == "Maven" {
		return
	}
	if ab <= 0 && bc <= 0 && ac > 0 || ab >= 0 && bc >= 0 && ac < 0 {
		t.Fatalf("not transitive: %q vs %q = %d, %q vs %q = %d, %q vs %q = %d", a, b, ab, b, c, bc, a, c, ac)
	}
	if ab == 0 && bc != ac {
		t.Fatalf("%q = %q but they compare differently with %q: %d, %d", a, b, c, ac, bc)
	}
}

// fuzzOrder seeds f with versions from the vector files of eco and fuzzes
// checkOrder on triples.
func fuzzOrder(f *testing.F, eco string, files ...string) {
	seeds := seedVersions(f, files...)
	for i := 0; i+2 < len(seeds); i += 3 {
		f.Add(seeds[i], seeds[i+1], seeds[i+2])
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		checkOrder(t, eco, a, b, c)
	})
}

// seedVersions returns up to 60 versions from the start of each vector file.
func seedVersions(f *testing.F, files ...string) []string {
	var out []string
	for _, name := range files {
		file, err := os.Open(filepath.Join("testdata", "vectors", name))
		if err != nil {
			f.Fatal(err)
		}
		sc := bufio.NewScanner(file)
		for n := 0; n < 30 && sc.Scan(); {
			fields := strings.Fields(sc.Text())
			if len(fields) == 3 && !strings.HasPrefix(fields[0], "#") && !strings.HasPrefix(fields[0], "//") {
				out = append(out, fields[0], fields[2])
				n++
			}
		}
		file.Close()
	}
	return out
}

func FuzzCompareDebian(f *testing.F) { fuzzOrder(f, "Debian", "debian-versions.txt") }
func FuzzCompareAlpine(f *testing.F) { fuzzOrder(f, "Alpine", "alpine-versions.txt") }
func FuzzCompareRPM(f *testing.F)    { fuzzOrder(f, "Red Hat", "redhat-versions.txt") }
func FuzzComparePyPI(f *testing.F)   { fuzzOrder(f, "PyPI", "pypi-versions.txt") }
func FuzzCompareMaven(f *testing.F)  { fuzzOrder(f, "Maven", "maven-versions.txt") }
func FuzzCompareRubyGems(f *testing.F) {
	fuzzOrder(f, "RubyGems", "rubygems-versions.txt")
}
func FuzzCompareSemVer(f *testing.F) { fuzzOrder(f, "npm", "semver-versions.txt") }
func FuzzCompareGo(f *testing.F)     { fuzzOrder(f, "Go", "semver-versions.txt") }
func FuzzCompareNuGet(f *testing.F)  { fuzzOrder(f, "NuGet", "nuget-versions.txt") }
