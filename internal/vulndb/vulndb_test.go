package vulndb

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// goFixtures is a handful of real records of the Go vulnerability database.
const goFixtures = "testdata/go"

// newDB creates an empty store in a temporary directory with a fixed clock.
func newDB(t testing.TB) *DB {
	t.Helper()
	db, err := Create(filepath.Join(t.TempDir(), "vulndb", FileName))
	if err != nil {
		t.Fatal(err)
	}
	db.now = func() time.Time { return time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { db.Close() })
	return db
}

// entry is one file of a zip built for a test.
type entry struct {
	name string
	data []byte
}

// fixtureEntries reads the record files of dir as zip entries named as in
// OSV's archives.
func fixtureEntries(t testing.TB, dir string) []entry {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	var out []entry
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{filepath.Base(p), data})
	}
	return out
}

// buildZip writes entries into a zip archive.
func buildZip(t testing.TB, entries []entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ids lists the IDs the store returns for one package.
func ids(t testing.TB, db *DB, eco, pkg string) []string {
	t.Helper()
	vs, err := db.Lookup(context.Background(), eco, pkg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return out
}
