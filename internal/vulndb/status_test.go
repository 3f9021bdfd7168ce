package vulndb

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestStatus(t *testing.T) {
	db := newDB(t)
	if _, err := db.Import(t.Context(), goFixtures, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(t.Context(), "testdata/alpine-v3.10-main.yaml", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rec := []byte(`{"id":"PYSEC-1","modified":"2025-02-03T04:05:06Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"}},{"package":{"ecosystem":"npm","name":"a"}}]}`)
	z := buildZip(t, []entry{{"PYSEC-1.json", rec}})
	if _, err := db.ImportZip(t.Context(), bytes.NewReader(z), int64(len(z)), "/mirror/PyPI/all.zip", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Status(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 8, 1, 12, 0, 0, 0, time.UTC)
	abs := mustAbs(t, goFixtures)
	want := []SourceStatus{
		{Source: "alpine-secdb/v3.10/main", Ecosystem: "Alpine:v3.10", Records: 42, Imported: at, Checked: at, Origin: "testdata/alpine-v3.10-main.yaml"},
		{Source: "osv/Go", Ecosystem: "Go", Records: 5, Withdrawn: 1, Imported: at, Checked: at, Origin: abs},
		{Source: "osv/PyPI", Ecosystem: "PyPI", Records: 1, Newest: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC), Imported: at, Checked: at, Origin: "/mirror/PyPI/all.zip"},
		{Source: "osv/PyPI", Ecosystem: "npm", Records: 1, Newest: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC), Imported: at, Checked: at, Origin: "/mirror/PyPI/all.zip"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Status (-want +got):\n%s", diff)
	}
}
