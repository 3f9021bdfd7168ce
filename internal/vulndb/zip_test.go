package vulndb

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// bomb is a zip whose one entry inflates to size bytes of zeros.
func bomb(t testing.TB, name string, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(make([]byte, size)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportZipReplacesAtomically(t *testing.T) {
	db := newDB(t)
	good := buildZip(t, fixtureEntries(t, goFixtures))
	res, err := db.ImportZip(t.Context(), bytes.NewReader(good), int64(len(good)), "all.zip", ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ImportResult{Source: "osv/Go", Records: 6}, res); diff != "" {
		t.Fatalf("import (-want +got):\n%s", diff)
	}
	fixtures := fixtureEntries(t, goFixtures)
	for _, tc := range []struct {
		name    string
		zip     []byte
		limits  Limits
		wantErr string
	}{
		{"truncated", good[:len(good)-100], Limits{}, "zip"},
		{"path traversal", buildZip(t, append(fixtures[:1:1], entry{"../../etc/GO-2020-0001.json", fixtures[0].data})), Limits{}, "unsafe entry name"},
		{"subdirectory", buildZip(t, []entry{{"a/GO-1.json", fixtures[0].data}}), Limits{}, "unsafe entry name"},
		{"absolute", buildZip(t, []entry{{"/GO-1.json", fixtures[0].data}}), Limits{}, "unsafe entry name"},
		{"bomb entry", bomb(t, "GO-1.json", 8<<20), Limits{}, "over the"},
		{"total", good, Limits{MaxTotalSize: 10 << 10}, "over the limit"},
		{"too many entries", good, Limits{MaxRecords: 3}, "over the limit of 3"},
		{"bad record", buildZip(t, append(fixtures[:2:2], entry{"X.json", []byte(`{"id": 5}`)})), Limits{}, "X.json"},
		{"duplicate", buildZip(t, append(fixtures[:2:2], fixtures[0])), Limits{}, "appears twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.ImportZip(t.Context(), bytes.NewReader(tc.zip), int64(len(tc.zip)), "all.zip", ImportOptions{Limits: tc.limits})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("import: %v, want an error containing %q", err, tc.wantErr)
			}
			if got := ids(t, db, "Go", "stdlib"); len(got) != 2 {
				t.Errorf("after the failed import stdlib has %v, want the 2 records of the first import", got)
			}
		})
	}
	// A good import of fewer records replaces the set: nothing is left over.
	fewer := buildZip(t, fixtures[:1])
	if _, err := db.ImportZip(t.Context(), bytes.NewReader(fewer), int64(len(fewer)), "all.zip", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, db, "Go", "stdlib"); got != nil {
		t.Errorf("after replacing with one record stdlib has %v", got)
	}
}

func TestImportDetects(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "all.zip")
	if err := os.WriteFile(zipPath, buildZip(t, fixtureEntries(t, goFixtures)), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(other, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newDB(t)
	for _, tc := range []struct{ path, source, wantErr string }{
		{zipPath, "osv/Go", ""},
		{goFixtures, "osv/Go", ""},
		{"testdata/alpine-v3.10-main.yaml", "alpine-secdb/v3.10/main", ""},
		{other, "", "not a zip archive"},
		{filepath.Join(dir, "none"), "", "no such file"},
	} {
		res, err := db.Import(t.Context(), tc.path, ImportOptions{})
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Import(%q): %v, want an error containing %q", tc.path, err, tc.wantErr)
			}
			continue
		}
		if err != nil || res.Source != tc.source {
			t.Errorf("Import(%q) = %+v, %v, want source %q", tc.path, res, err, tc.source)
		}
	}
}

func TestImportDirLimits(t *testing.T) {
	db := newDB(t)
	if _, err := db.ImportDir(t.Context(), goFixtures, ImportOptions{Limits: Limits{MaxRecordSize: 1000}}); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("record size limit: %v", err)
	}
	if _, err := db.ImportDir(t.Context(), goFixtures, ImportOptions{Limits: Limits{MaxRecords: 2}}); err == nil || !strings.Contains(err.Error(), "more than 2 records") {
		t.Errorf("record count limit: %v", err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(mustAbs(t, goFixtures), "GO-2020-0001.json"), filepath.Join(dir, "GO-2020-0001.json")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	res, err := db.ImportDir(t.Context(), dir, ImportOptions{})
	if err != nil || res.Records != 0 {
		t.Errorf("a directory of one symbolic link: %+v, %v, want it not followed", res, err)
	}
}

func mustAbs(t testing.TB, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
