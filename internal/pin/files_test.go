package pin

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	for p, content := range map[string]string{
		"Dockerfile":              "FROM alpine:3.20\n",
		"deploy/app.yaml":         "kind: Pod\nspec: {containers: [{image: nginx:1.27}]}\n",
		"deploy/values.yaml":      "replicas: 3\n",
		"deploy/broken.yml":       "image: [unclosed\n",
		".git/Dockerfile":         "FROM hidden:1\n",
		"vendor/x/Dockerfile":     "FROM vendored:1\n",
		"README.md":               "FROM prose\n",
		"build/api.Containerfile": "FROM debian:12\n",
	} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, warnings, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		for _, r := range f.Refs {
			got = append(got, rel+" "+r.Text)
		}
	}
	sort.Strings(got)
	want := []string{"Dockerfile alpine:3.20", "build/api.Containerfile debian:12", "deploy/app.yaml nginx:1.27"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(warnings) != 1 {
		t.Errorf("warnings = %v, want one for broken.yml", warnings)
	}
	// Named explicitly, a file that does not parse is an error.
	if _, _, err := Load([]string{filepath.Join(dir, "deploy/broken.yml")}); err == nil {
		t.Error("a broken YAML file named on the command line loaded")
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load([]string{big}); err == nil {
		t.Error("a file over MaxFileSize loaded")
	}
}
