package vulns

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/inventory"
	"github.com/customs-oss/customs/internal/inventory/apk"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/vulndb"
	matcher "github.com/customs-oss/customs/internal/vulns"
	"github.com/customs-oss/customs/internal/walk"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The real alpine:3.10.2 image and the Alpine 3.10 secdb of 2020, kept
// beside the tests that use them.
const (
	alpineArchive = "../../cleanimage/testdata/alpine-310.tar.gz"
	secdbDir      = "../../vulns/testdata/alpine-secdb/v3.10"
)

// alpineSecDB is the real Alpine 3.10 secdb of 2020 as OSV records.
func alpineSecDB(t *testing.T) []*osv.Vulnerability {
	t.Helper()
	var all []*osv.Vulnerability
	for _, repo := range []string{"main", "community"} {
		data, err := os.ReadFile(filepath.Join(secdbDir, repo+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		_, _, vs, err := vulndb.ParseSecDB(data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, vs...)
	}
	return all
}

// inspectAlpine inspects the real alpine:3.10.2 image with the apk reader
// and vulns/known over records, and returns the check's findings.
func inspectAlpine(t *testing.T, records []*osv.Vulnerability) []report.Finding {
	t.Helper()
	r, err := scan.Inspect(context.Background(), "docker-archive:"+alpineArchive, scan.Options{
		Checks:    []check.Constructor{Known(Options{Lookup: matcher.NewMemory(records)})},
		Walk:      walk.DefaultOptions(),
		Policy:    report.DefaultPolicy(),
		Inventory: inventory.Set{Extractors: []inventory.Extractor{apk.New()}},
		Now:       func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range r.Checks {
		if st.Status != report.StatusOK {
			t.Fatalf("check %s: %s %s", st.ID, st.Status, st.Error)
		}
	}
	return r.Findings
}

// TestAlpineImage runs the whole inspection of the real alpine:3.10.2:
// clean against the 2020 secdb (only the note that the 14 packages have no
// known vulnerability: an image whose packages or OS were not read would
// get another note), and both openssl packages flagged once the
// fix of CVE-2020-1967 is added to it.
func TestAlpineImage(t *testing.T) {
	records := alpineSecDB(t)
	if fs := inspectAlpine(t, records); len(fs) != 1 || fs[0].Severity != report.SeverityInfo ||
		fs[0].Message != "no known vulnerability in the 14 installed packages" {
		t.Fatalf("alpine:3.10.2 against its secdb: %d findings %+v, want only the note that none is known", len(fs), fs)
	}
	_, _, extra, err := vulndb.ParseSecDB([]byte("distroversion: v3.10\nreponame: main\npackages:\n  - pkg:\n      name: openssl\n      secfixes:\n        1.1.1g-r0:\n          - CVE-2020-1967\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := inspectAlpine(t, append(records, extra...))
	got, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "alpine-310.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", golden, diff)
	}
	var pkgs []string
	for _, f := range fs {
		v := f.Evidence.Vulnerability
		if v == nil || v.ID != "CVE-2020-1967" || v.Fixed != "1.1.1g-r0" || v.Source != "openssl" {
			t.Errorf("finding %+v, want CVE-2020-1967 through openssl fixed in 1.1.1g-r0", f)
			continue
		}
		pkgs = append(pkgs, v.Package)
	}
	if diff := cmp.Diff([]string{"libcrypto1.1", "libssl1.1"}, pkgs); diff != "" {
		t.Errorf("flagged packages (-want +got):\n%s", diff)
	}
}
