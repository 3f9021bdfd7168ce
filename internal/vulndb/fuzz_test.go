package vulndb

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func FuzzParseSecDB(f *testing.F) {
	data, err := os.ReadFile("testdata/alpine-v3.10-main.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("distroversion: v3.11\npackages:\n  - pkg:\n      name: x\n      secfixes:\n        0:\n          - CVE-2019-1234 XSA-1\n"))
	f.Add([]byte("distroversion: edge\npackages: [{pkg: {name: a, secfixes: {1.10: [XSA-3, CVE-2020-12345 CVE-2020-12346]}}}]"))
	f.Add([]byte("a: &a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, vulns, err := ParseSecDB(data)
		if err != nil {
			return
		}
		for _, v := range vulns {
			if !strings.HasPrefix(v.ID, "ALPINE-") || len(v.Affected) == 0 {
				t.Fatalf("malformed record %+v", v)
			}
			for _, a := range v.Affected {
				if a.Package.Name == "" || len(a.Ranges) == 0 {
					t.Fatalf("%s: malformed affected %+v", v.ID, a)
				}
				for _, r := range a.Ranges {
					if r.Events[1].Fixed == notAffected || r.Events[1].Fixed == "" {
						t.Fatalf("%s: fixed %q", v.ID, r.Events[1].Fixed)
					}
				}
			}
		}
	})
}

// FuzzImportZip feeds arbitrary archives to the importer: it must fail
// cleanly or store records whose lookups work, and never panic.
func FuzzImportZip(f *testing.F) {
	fixtures := fixtureEntries(f, goFixtures)
	f.Add(buildZip(f, fixtures[:2]))
	f.Add(buildZip(f, []entry{{"../x.json", fixtures[0].data}}))
	f.Add(bomb(f, "a.json", 1<<16))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	db := newDB(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := db.ImportZip(t.Context(), bytes.NewReader(data), int64(len(data)), "fuzz.zip",
			ImportOptions{Source: "fuzz", Limits: Limits{MaxRecords: 100, MaxTotalSize: 1 << 20}})
		if err != nil {
			return
		}
		if res.Records > 100 {
			t.Fatalf("%d records over the limit", res.Records)
		}
		if _, err := db.Status(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
}
