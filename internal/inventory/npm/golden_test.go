package npm

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares pkgs, one line each, with testdata/name, or rewrites the
// file under -update.
func golden(t *testing.T, name string, pkgs []facts.Package) {
	t.Helper()
	var buf bytes.Buffer
	for _, p := range pkgs {
		fmt.Fprintf(&buf, "%s %s %q licenses=%q path=%q\n", p.Type, p.Name, p.Version, p.Licenses, p.Path)
	}
	b := buf.Bytes()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (go test -update writes it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// readFile returns a file under testdata.
func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
