package vulndb

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseSecDBGolden converts the trimmed real secdb and compares the
// records with testdata/alpine-v3.10-main.golden.json (go test -update).
func TestParseSecDBGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/alpine-v3.10-main.yaml")
	if err != nil {
		t.Fatal(err)
	}
	distro, repo, vulns, err := ParseSecDB(data)
	if err != nil {
		t.Fatal(err)
	}
	if distro != "v3.10" || repo != "main" {
		t.Errorf("distro, repo = %q, %q", distro, repo)
	}
	got, err := json.MarshalIndent(vulns, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := "testdata/alpine-v3.10-main.golden.json"
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
		t.Errorf("converted secdb (-want +got):\n%s", diff)
	}
}

func TestParseSecDBCases(t *testing.T) {
	for _, tc := range []struct {
		name, secfixes string
		want           map[string][]string // ID -> aliases then fixed versions
	}{
		{
			name:     "one cve",
			secfixes: "1.2-r0:\n  - CVE-2019-1234",
			want:     map[string][]string{"ALPINE-CVE-2019-1234": {"CVE-2019-1234", "fixed 1.2-r0"}},
		},
		{
			name:     "not affected key skipped",
			secfixes: "0:\n  - CVE-2019-1111\n1.2-r0:\n  - CVE-2019-2222",
			want:     map[string][]string{"ALPINE-CVE-2019-2222": {"CVE-2019-2222", "fixed 1.2-r0"}},
		},
		{
			name:     "two cves in one string",
			secfixes: "1.2-r0:\n  - CVE-2019-1234 CVE-2019-5678",
			want: map[string][]string{
				"ALPINE-CVE-2019-1234": {"CVE-2019-1234", "fixed 1.2-r0"},
				"ALPINE-CVE-2019-5678": {"CVE-2019-5678", "fixed 1.2-r0"},
			},
		},
		{
			name:     "xsa beside a cve is an alias, alone a record",
			secfixes: "4.7-r1:\n  - CVE-2016-6258 XSA-182\n  - XSA-207",
			want: map[string][]string{
				"ALPINE-CVE-2016-6258": {"CVE-2016-6258", "XSA-182", "fixed 4.7-r1"},
				"ALPINE-XSA-207":       {"XSA-207", "fixed 4.7-r1"},
			},
		},
		{
			name:     "invalid ids dropped",
			secfixes: "1.0-r0:\n  - CVE-2019-XXXX\n  - (no id)\n  -\n  - cve-2019-1234",
			want:     map[string][]string{},
		},
		{
			name:     "fixed twice",
			secfixes: "1.0-r1:\n  - CVE-2019-1234\n1.0-r0:\n  - CVE-2019-1234",
			want:     map[string][]string{"ALPINE-CVE-2019-1234": {"CVE-2019-1234", "fixed 1.0-r0", "fixed 1.0-r1"}},
		},
		{
			name:     "numeric-looking version keys kept as written",
			secfixes: "1.10:\n  - CVE-2019-1234",
			want:     map[string][]string{"ALPINE-CVE-2019-1234": {"CVE-2019-1234", "fixed 1.10"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := "distroversion: v3.11\nreponame: community\npackages:\n  - pkg:\n      name: foo\n      secfixes:\n" +
				indent(tc.secfixes, "        ")
			_, _, vulns, err := ParseSecDB([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, v := range vulns {
				a := v.Affected[0]
				if a.Package.Ecosystem != "Alpine:v3.11" || a.Package.Name != "foo" {
					t.Errorf("%s: package %+v", v.ID, a.Package)
				}
				got[v.ID] = append(got[v.ID], v.Aliases...)
				for _, r := range a.Ranges {
					if r.Type != "ECOSYSTEM" || len(r.Events) != 2 || r.Events[0].Introduced != "0" {
						t.Errorf("%s: range %+v", v.ID, r)
					}
					got[v.ID] = append(got[v.ID], "fixed "+r.Events[1].Fixed)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSecDBErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"not yaml":          "packages: [",
		"no distroversion":  "packages: []",
		"odd distroversion": "distroversion: ../../x\npackages: []",
		"wrong shape":       "distroversion: v3.10\npackages: {a: b}",
	} {
		if _, _, _, err := ParseSecDB([]byte(doc)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n"
}

// TestParseSecDBSharedCVE keeps one record for a CVE fixed in two
// packages, with an affected entry for each, as OSV's Alpine data does.
func TestParseSecDBSharedCVE(t *testing.T) {
	doc := `distroversion: v3.10
packages:
  - pkg:
      name: a
      secfixes:
        1.0-r1: [CVE-2018-10906]
  - pkg:
      name: b
      secfixes:
        2.0-r0: [CVE-2018-10906]
`
	_, _, vulns, err := ParseSecDB([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(vulns) != 1 {
		t.Fatalf("%d records, want 1", len(vulns))
	}
	var got []string
	for _, a := range vulns[0].Affected {
		got = append(got, a.Package.Name+" "+a.Ranges[0].Events[1].Fixed)
	}
	if diff := cmp.Diff([]string{"a 1.0-r1", "b 2.0-r0"}, got); diff != "" {
		t.Errorf("affected (-want +got):\n%s", diff)
	}
}
