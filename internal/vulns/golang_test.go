package vulns

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoDatabase matches Go modules and the standard library, as the
// binary reader reports them, against the real Go vulnerability database.
func TestGoDatabase(t *testing.T) {
	mem := NewMemory(goDatabase(t))
	img := &facts.Image{Packages: []facts.Package{
		{Type: "golang", Name: "golang.org/x/text", Version: "v0.3.5", Path: "app/server"},
		{Type: "golang", Name: "golang.org/x/text", Version: "v0.3.8", Path: "app/fixed"},
		{Type: "golang", Name: "stdlib", Version: "go1.18", Path: "app/server"},
	}}
	ms, notes, err := Find(context.Background(), mem, img)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 0 {
		t.Errorf("notes %q, want none", notes)
	}
	var text []string
	stdlib := 0
	var lines []string
	for _, m := range ms {
		switch {
		case m.Package.Name == "golang.org/x/text":
			text = append(text, fmt.Sprintf("%s %s %v fixed %s", m.Package.Version, m.ID, m.Aliases, m.Fixed))
		case m.Package.Name == "stdlib":
			stdlib++
			if m.Fixed == "" || strings.HasPrefix(m.Fixed, "go") {
				t.Errorf("%s: fixed %q, want a Go database version such as 1.18.1", m.ID, m.Fixed)
			}
		}
		lines = append(lines, fmt.Sprintf("%s %s\t%s\taliases=%s\tfixed=%s\t%s", m.Package.Name, m.Package.Version, m.ID, strings.Join(m.Aliases, ","), m.Fixed, m.Severity))
	}
	// v0.3.8 fixes the first two; the third is fixed only in 0.39.0.
	wantText := []string{
		"v0.3.5 CVE-2021-38561 [GHSA-ppp9-7jff-5vj2 GO-2021-0113] fixed 0.3.7",
		"v0.3.5 CVE-2022-32149 [GHSA-69ch-w2m2-3vjp GO-2022-1059] fixed 0.3.8",
		"v0.3.5 CVE-2026-56852 [GO-2026-5970] fixed 0.39.0",
		"v0.3.8 CVE-2026-56852 [GO-2026-5970] fixed 0.39.0",
	}
	if diff := cmp.Diff(wantText, text); diff != "" {
		t.Errorf("golang.org/x/text v0.3.5 (-want +got):\n%s", diff)
	}
	if ms[0].Rated {
		t.Errorf("%s rated %v; the Go database rates nothing", ms[0].ID, ms[0].Severity)
	}
	if stdlib < 20 {
		t.Errorf("%d vulnerabilities in the Go 1.18.0 standard library, want many", stdlib)
	}
	golden(t, "go.golden", strings.Join(lines, "\n")+"\n")
}

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
