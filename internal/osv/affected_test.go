package osv

import (
	"os"
	"path/filepath"
	"testing"
)

// goVulnDB is the Go vulnerability database kept with the project's
// reference data; tests that read it are skipped when it is absent.
const goVulnDB = "../vulns/testdata/osv-go"

func TestContainsRealRecords(t *testing.T) {
	tests := []struct {
		record, pkg, version string
		affected             bool
		fixed                string
	}{
		{"GO-2020-0001", "github.com/gin-gonic/gin", "1.5.0", true, "1.6.0"},
		{"GO-2020-0001", "github.com/gin-gonic/gin", "v1.5.0", true, "1.6.0"},
		{"GO-2020-0001", "github.com/gin-gonic/gin", "0.0.0-20190101000000-abcdefabcdef", true, "1.6.0"},
		{"GO-2020-0001", "github.com/gin-gonic/gin", "1.6.0", false, ""},
		{"GO-2020-0001", "github.com/gin-gonic/gin", "1.9.1", false, ""},
		{"GO-2023-1987", "stdlib", "1.19.11", true, "1.19.12"},
		{"GO-2023-1987", "stdlib", "go1.19.11", true, "1.19.12"},
		{"GO-2023-1987", "stdlib", "1.19.12", false, ""},
		{"GO-2023-1987", "stdlib", "1.20.0", true, "1.20.7"},
		{"GO-2023-1987", "stdlib", "go1.20rc1", true, "1.20.7"},
		{"GO-2023-1987", "stdlib", "1.20.7", false, ""},
		{"GO-2023-1987", "stdlib", "go1.21rc3", true, "1.21.0-rc.4"},
		{"GO-2023-1987", "stdlib", "go1.21rc4", false, ""},
		{"GO-2023-1987", "stdlib", "1.21.0", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.record+"/"+tt.version, func(t *testing.T) {
			a := readAffected(t, tt.record, tt.pkg)
			got, fixed, err := a.Contains(tt.version)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.affected || fixed != tt.fixed {
				t.Errorf("Contains(%q) = %v, %q; want %v, %q", tt.version, got, fixed, tt.affected, tt.fixed)
			}
		})
	}
}

// readAffected returns the entry for pkg in record from the Go database.
func readAffected(t *testing.T, record, pkg string) Affected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(goVulnDB, record+".json"))
	if os.IsNotExist(err) {
		t.Skipf("reference data absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	v, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range v.Affected {
		if a.Package.Name == pkg {
			return a
		}
	}
	t.Fatalf("%s has no package %q", record, pkg)
	return Affected{}
}

// events builds range events from "introduced", "fixed", "last_affected"
// and "limit" pairs.
func events(kv ...string) []Event {
	var out []Event
	for i := 0; i+1 < len(kv); i += 2 {
		var e Event
		switch kv[i] {
		case "introduced":
			e.Introduced = kv[i+1]
		case "fixed":
			e.Fixed = kv[i+1]
		case "last_affected":
			e.LastAffected = kv[i+1]
		case "limit":
			e.Limit = kv[i+1]
		}
		out = append(out, e)
	}
	return out
}

func TestContains(t *testing.T) {
	debian := Package{Ecosystem: "Debian:12", Name: "openssl"}
	alpine := Package{Ecosystem: "Alpine:v3.10", Name: "openssl"}
	pypi := Package{Ecosystem: "PyPI", Name: "django"}
	tests := []struct {
		name     string
		affected Affected
		version  string
		want     bool
		fixed    string
		wantErr  bool
	}{
		{
			name:     "listed version",
			affected: Affected{Package: pypi, Versions: []string{"1.0", "1.1"}},
			version:  "1.1", want: true,
		},
		{
			name:     "listed version in another spelling",
			affected: Affected{Package: pypi, Versions: []string{"1.0", "1.1"}},
			version:  "1.1.0", want: true,
		},
		{
			name:     "not listed",
			affected: Affected{Package: pypi, Versions: []string{"1.0", "1.1"}},
			version:  "1.2",
		},
		{
			name:     "below the fix, ecosystem order",
			affected: Affected{Package: debian, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "fixed", "3.0.11-1~deb12u1")}}},
			version:  "3.0.9-1", want: true, fixed: "3.0.11-1~deb12u1",
		},
		{
			name:     "tilde sorts first, so the later upload is fixed",
			affected: Affected{Package: debian, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "fixed", "3.0.11-1~deb12u1")}}},
			version:  "3.0.11-1",
		},
		{
			name:     "apk revision",
			affected: Affected{Package: alpine, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "fixed", "1.1.1d-r0")}}},
			version:  "1.1.1c-r0", want: true, fixed: "1.1.1d-r0",
		},
		{
			name:     "before introduced",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "2.0", "fixed", "2.2")}}},
			version:  "1.9",
		},
		{
			name:     "introduced is inclusive",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "2.0", "fixed", "2.2")}}},
			version:  "2.0", want: true, fixed: "2.2",
		},
		{
			name: "second of two ranges",
			affected: Affected{Package: pypi, Ranges: []Range{
				{Type: "ECOSYSTEM", Events: events("introduced", "1.0", "fixed", "1.5")},
				{Type: "ECOSYSTEM", Events: events("introduced", "2.0", "fixed", "2.3")},
			}},
			version: "2.1", want: true, fixed: "2.3",
		},
		{
			name: "between two ranges",
			affected: Affected{Package: pypi, Ranges: []Range{
				{Type: "ECOSYSTEM", Events: events("introduced", "1.0", "fixed", "1.5")},
				{Type: "ECOSYSTEM", Events: events("introduced", "2.0", "fixed", "2.3")},
			}},
			version: "1.7",
		},
		{
			name:     "unsorted events",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("fixed", "2.3", "introduced", "2.0", "fixed", "1.5", "introduced", "0")}}},
			version:  "1.2", want: true, fixed: "1.5",
		},
		{
			name:     "unsorted events, second segment",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("fixed", "2.3", "introduced", "2.0", "fixed", "1.5", "introduced", "0")}}},
			version:  "2.2", want: true, fixed: "2.3",
		},
		{
			name:     "unsorted events, gap",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("fixed", "2.3", "introduced", "2.0", "fixed", "1.5", "introduced", "0")}}},
			version:  "1.5",
		},
		{
			name:     "last_affected is inclusive",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "last_affected", "3.1")}}},
			version:  "3.1", want: true,
		},
		{
			name:     "after last_affected",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "last_affected", "3.1")}}},
			version:  "3.1.post1",
		},
		{
			name:     "limit is exclusive",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "1.0", "limit", "2.0")}}},
			version:  "2.0",
		},
		{
			name:     "below limit, no fix known",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "1.0", "limit", "2.0")}}},
			version:  "1.9", want: true,
		},
		{
			name:     "never fixed",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "1.0")}}},
			version:  "99", want: true,
		},
		{
			name:     "SEMVER range in an ecosystem with another order",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "SEMVER", Events: events("introduced", "0", "fixed", "1.2.3")}}},
			version:  "1.2.3-rc.1", want: true, fixed: "1.2.3",
		},
		{
			name:     "GIT ranges are ignored",
			affected: Affected{Package: pypi, Ranges: []Range{{Type: "GIT", Events: events("introduced", "0", "fixed", "abcdef")}}},
			version:  "1.0",
		},
		{
			name:     "unsupported ecosystem",
			affected: Affected{Package: Package{Ecosystem: "Hex", Name: "plug"}, Ranges: []Range{{Type: "ECOSYSTEM", Events: events("introduced", "0", "fixed", "1.0")}}},
			version:  "0.9", wantErr: true,
		},
		{
			name:     "unreadable installed version",
			affected: Affected{Package: Package{Ecosystem: "Go", Name: "m"}, Ranges: []Range{{Type: "SEMVER", Events: events("introduced", "0", "fixed", "1.0.0")}}},
			version:  "not-a-version", wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, fixed, err := tt.affected.Contains(tt.version)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Contains(%q) error = %v, want error %v", tt.version, err, tt.wantErr)
			}
			if got != tt.want || fixed != tt.fixed {
				t.Errorf("Contains(%q) = %v, %q; want %v, %q", tt.version, got, fixed, tt.want, tt.fixed)
			}
		})
	}
}

func FuzzContains(f *testing.F) {
	f.Add("Go", "1.5.0", "0", "1.6.0", "1.2.0")
	f.Add("Debian:12", "3.0.11-1", "1.0", "3.0.11-1~deb12u1", "2.0")
	f.Add("Alpine:v3.10", "1.1.1c-r0", "0", "1.1.1d-r0", "1.1.1c-r1")
	f.Add("PyPI", "0.1-bulbasaur", "0", "1.0", "0.5")
	f.Add("Maven", "3.5.0.Beta-1", "1.0", "3.5.0-Final", "3.0")
	f.Fuzz(func(t *testing.T, eco, ver, intro, fix, last string) {
		a := Affected{Package: Package{Ecosystem: eco, Name: "p"}, Ranges: []Range{
			{Type: "ECOSYSTEM", Events: []Event{{Introduced: intro}, {Fixed: fix}, {LastAffected: last}}},
			{Type: "SEMVER", Events: []Event{{Introduced: intro}, {Limit: fix}}},
		}}
		in, fixed, err := a.Contains(ver)
		if err != nil {
			if in || fixed != "" {
				t.Fatalf("Contains(%q) = %v, %q with error %v", ver, in, fixed, err)
			}
			return
		}
		if !in && fixed != "" {
			t.Fatalf("Contains(%q) = false with fix %q", ver, fixed)
		}
		if fixed != "" && fixed != fix {
			t.Fatalf("Contains(%q) fix = %q, not an event of the record", ver, fixed)
		}
	})
}
