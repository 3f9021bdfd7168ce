package vulndb

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLookup(t *testing.T) {
	db := newDB(t)
	if _, err := db.ImportDir(t.Context(), goFixtures, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(t.Context(), "testdata/alpine-v3.10-main.yaml", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, eco, pkg string
		want           []string
	}{
		{"one record", "Go", "github.com/gin-gonic/gin", []string{"GO-2020-0001"}},
		{"stdlib", "Go", "stdlib", []string{"GO-2026-5942", "GO-2026-6218"}},
		{"withdrawn left out", "Go", "k8s.io/kubernetes", nil},
		{"exact name", "Go", "GITHUB.COM/gin-gonic/gin", nil},
		{"other ecosystem", "npm", "github.com/gin-gonic/gin", nil},
		{"unknown", "Go", "example.com/none", nil},
		{"alpine", "Alpine:v3.10", "musl", []string{"ALPINE-CVE-2016-8859", "ALPINE-CVE-2019-14697"}},
		{"alpine other release", "Alpine:v3.11", "musl", nil},
		{"alpine base ecosystem is not a release", "Alpine", "musl", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, ids(t, db, tc.eco, tc.pkg)); diff != "" {
				t.Errorf("Lookup(%q, %q) (-want +got):\n%s", tc.eco, tc.pkg, diff)
			}
		})
	}
}

func TestLookupPyPINormalised(t *testing.T) {
	db := newDB(t)
	rec := `{"id":"PYSEC-0000-1","modified":"2024-01-02T03:04:05Z","affected":[{"package":{"ecosystem":"PyPI","name":"Zope.Interface"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.0"}]}]}]}`
	z := buildZip(t, []entry{{"PYSEC-0000-1.json", []byte(rec)}})
	if _, err := db.ImportZip(t.Context(), strings.NewReader(string(z)), int64(len(z)), "pypi.zip", ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"zope.interface", "zope-interface", "ZOPE_INTERFACE", "Zope.Interface"} {
		if got := ids(t, db, "PyPI", name); len(got) != 1 {
			t.Errorf("Lookup(PyPI, %q) = %v, want the record", name, got)
		}
	}
	if got := ids(t, db, "PyPI", "zopeinterface"); got != nil {
		t.Errorf("Lookup(PyPI, zopeinterface) = %v, want nothing", got)
	}
}

// TestLookupTwoSources keeps one copy of a record held by two sources, the
// most recently modified.
func TestLookupTwoSources(t *testing.T) {
	db := newDB(t)
	rec := func(summary, modified string) []byte {
		return []byte(fmt.Sprintf(`{"id":"GHSA-xxxx","summary":%q,"modified":%q,"affected":[{"package":{"ecosystem":"npm","name":"left-pad"}}]}`, summary, modified))
	}
	for i, e := range []entry{{"GHSA-xxxx.json", rec("old", "2020-01-01T00:00:00Z")}, {"GHSA-xxxx.json", rec("new", "2021-01-01T00:00:00Z")}} {
		z := buildZip(t, []entry{e})
		if _, err := db.ImportZip(t.Context(), strings.NewReader(string(z)), int64(len(z)), "x.zip", ImportOptions{Source: fmt.Sprint("s", i)}); err != nil {
			t.Fatal(err)
		}
	}
	vs, err := db.Lookup(t.Context(), "npm", "left-pad")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Summary != "new" {
		t.Fatalf("Lookup = %+v, want the one newer record", vs)
	}
}

func TestLookupMany(t *testing.T) {
	db := newDB(t)
	if _, err := db.ImportDir(t.Context(), goFixtures, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	qs := []Query{
		{"Go", "stdlib"}, {"Go", "golang.org/x/net"}, {"Go", "stdlib"}, {"Go", "none"}, {"Go", "github.com/PromonLogicalis/asn1"},
		{"Go", "github.com/tharsis/evmos/v5"}, {"Go", "github.com/tharsis/evmos"},
	}
	got, err := db.LookupMany(t.Context(), qs)
	if err != nil {
		t.Fatal(err)
	}
	summary := map[Query][]string{}
	for q, vs := range got {
		for _, v := range vs {
			summary[q] = append(summary[q], v.ID)
		}
	}
	want := map[Query][]string{
		{"Go", "stdlib"}:                          {"GO-2026-5942", "GO-2026-6218"},
		{"Go", "golang.org/x/net"}:                {"GO-2026-5942"},
		{"Go", "github.com/tharsis/evmos/v5"}:     {"GO-2024-2715"},
		{"Go", "github.com/tharsis/evmos"}:        {"GO-2024-2715"},
		{"Go", "github.com/PromonLogicalis/asn1"}: {"GO-2024-3012"},
	}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Errorf("LookupMany (-want +got):\n%s", diff)
	}
	if got[Query{"Go", "github.com/tharsis/evmos"}][0] != got[Query{"Go", "github.com/tharsis/evmos/v5"}][0] {
		t.Error("a record affecting two queried packages was decoded twice")
	}
	if got[Query{"Go", "stdlib"}][0] != got[Query{"Go", "golang.org/x/net"}][0] {
		t.Error("GO-2026-5942 was decoded once per package")
	}
}
