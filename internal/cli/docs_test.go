package cli

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/checks.md")

// TestChecksDoc keeps docs/checks.md in step with the registry.
func TestChecksDoc(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "checks.md")
	want := Markdown(Infos())
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./internal/cli -update, or make docs)", err)
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("docs/checks.md is stale (run make docs) (-want +got):\n%s", diff)
	}
}
