package vulndb

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// goDatabase is the whole Go vulnerability database, present on the
// project's development machines and skipped elsewhere.
const goDatabase = "../../../shared/data/osv/go"

// importGoDatabase imports the whole Go database and returns two sets of
// 1,000 queries: worst, the standard library and the first 999 modules the
// database names (almost every record is returned), and inventory, shaped
// like an image's: 50 of those modules and 950 that have no record.
func importGoDatabase(tb testing.TB) (db *DB, worst, inventory []Query) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(goDatabase, "GO-2020-0001.json")); err != nil {
		tb.Skip("the Go vulnerability database is not at", goDatabase)
	}
	db = newDB(tb)
	start := time.Now()
	res, err := db.ImportDir(tb.Context(), goDatabase, ImportOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("imported %d records in %v", res.Records, time.Since(start))
	rows, err := db.sql.Query(`SELECT DISTINCT package FROM affected WHERE ecosystem = 'Go'`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var pkgs []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			tb.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	if len(pkgs) < 1000 {
		tb.Fatalf("the Go database names %d packages, want over 1,000", len(pkgs))
	}
	worst = []Query{{Ecosystem: "Go", Package: "stdlib"}}
	for _, p := range pkgs[:999] {
		worst = append(worst, Query{Ecosystem: "Go", Package: p})
	}
	for i := range 1000 {
		name := fmt.Sprintf("example.com/clean/module%d", i)
		if i%20 == 0 {
			name = pkgs[i]
		}
		inventory = append(inventory, Query{Ecosystem: "Go", Package: name})
	}
	return db, worst, inventory
}

// TestGoDatabase imports the whole Go database and checks a lookup of
// 1,000 packages stays fast.
func TestGoDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 4,000 records")
	}
	db, qs, inventory := importGoDatabase(t)
	start := time.Now()
	if _, err := db.LookupMany(t.Context(), inventory); err != nil {
		t.Fatal(err)
	}
	t.Logf("LookupMany of an inventory of %d packages: %v", len(inventory), time.Since(start))
	start = time.Now()
	got, err := db.LookupMany(t.Context(), qs)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("LookupMany of %d queries: %d packages affected, %v", len(qs), len(got), took)
	if len(got[Query{"Go", "stdlib"}]) < 100 {
		t.Errorf("stdlib has %d records, want the hundreds of the Go database", len(got[Query{"Go", "stdlib"}]))
	}
	if took > 2*time.Second {
		t.Errorf("LookupMany of 1,000 packages took %v", took)
	}
}

// BenchmarkLookupMany measures 1,000 lookups against the whole Go
// database: "inventory" with 50 vulnerable packages, "worst" returning
// almost every record in the database.
func BenchmarkLookupMany(b *testing.B) {
	db, worst, inventory := importGoDatabase(b)
	for _, bc := range []struct {
		name string
		qs   []Query
	}{{"inventory", inventory}, {"worst", worst}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.LookupMany(b.Context(), bc.qs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAlpineSecDB imports the real Alpine secdb files and finds the
// OpenSSL fix OSV's own Alpine data also records.
func TestAlpineSecDB(t *testing.T) {
	const dir = "../../../shared/data/alpine-secdb"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the Alpine secdb is not at", dir)
	}
	db := newDB(t)
	for _, f := range []string{"v3.10/main.yaml", "v3.10/community.yaml", "v3.11/main.yaml", "v3.11/community.yaml"} {
		res, err := db.Import(t.Context(), filepath.Join(dir, f), ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d records into %s", f, res.Records, res.Source)
	}
	vs, err := db.Lookup(t.Context(), "Alpine:v3.10", "openssl")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.ID == "ALPINE-CVE-2019-1549" {
			if fixed := v.Affected[0].Ranges[0].Events[1].Fixed; fixed != "1.1.1d-r0" {
				t.Errorf("CVE-2019-1549 fixed in %q, want 1.1.1d-r0", fixed)
			}
			return
		}
	}
	t.Errorf("Alpine v3.10 openssl: %d records, none ALPINE-CVE-2019-1549", len(vs))
}
