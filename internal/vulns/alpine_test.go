package vulns

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/vulndb"
)

// TestAlpine310 matches the real alpine:3.10.2 against the real Alpine 3.10
// secdb: its openssl 1.1.1d-r2 already carries every fix the secdb lists,
// so nothing is vulnerable. With the later fix of CVE-2020-1967 added, both
// packages built from openssl are, once each, through their origin.
func TestAlpine310(t *testing.T) {
	img := alpineImage(t)
	if len(img.Packages) != 14 {
		t.Fatalf("%d packages, want 14", len(img.Packages))
	}
	records := secDB(t, "v3.10")
	ms, notes, err := Find(context.Background(), NewMemory(records), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 0 || len(notes) != 0 {
		t.Fatalf("alpine:3.10.2 against its 2020 secdb: %d matches %v, notes %q; want none", len(ms), ms, notes)
	}

	_, _, extra, err := vulndb.ParseSecDB([]byte(`distroversion: v3.10
reponame: main
packages:
  - pkg:
      name: openssl
      secfixes:
        1.1.1g-r0:
          - CVE-2020-1967
`))
	if err != nil {
		t.Fatal(err)
	}
	ms, notes, err = Find(context.Background(), NewMemory(append(records, extra...)), img)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Pkg, Installed, Eco, Name, ID, Fixed string }
	var got []row
	for _, m := range ms {
		got = append(got, row{m.Package.Name, m.Package.Version, m.Ecosystem, m.Name, m.ID, m.Fixed})
		if m.Rated || m.Severity.String() != "medium" {
			t.Errorf("%s: rated %v severity %v; the secdb rates nothing, want unrated medium", m.ID, m.Rated, m.Severity)
		}
		if diff := cmp.Diff([]string{"ALPINE-CVE-2020-1967"}, m.Aliases); diff != "" {
			t.Errorf("aliases (-want +got):\n%s", diff)
		}
	}
	want := []row{
		{"libcrypto1.1", "1.1.1d-r2", "Alpine:v3.10", "openssl", "CVE-2020-1967", "1.1.1g-r0"},
		{"libssl1.1", "1.1.1d-r2", "Alpine:v3.10", "openssl", "CVE-2020-1967", "1.1.1g-r0"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matches (-want +got):\n%s\nnotes %q", diff, notes)
	}
}
