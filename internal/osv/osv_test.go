package osv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseGoDatabase parses every record of the real Go vulnerability
// database.
func TestParseGoDatabase(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "osv", "go", "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("the Go vulnerability database is not beside the project: %v", err)
	}
	stdlib := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if v.ID != strings.TrimSuffix(filepath.Base(f), ".json") {
			t.Errorf("%s: id %q", f, v.ID)
		}
		for _, a := range v.Affected {
			if a.Package.Ecosystem != "Go" {
				t.Errorf("%s: ecosystem %q", f, a.Package.Ecosystem)
			}
			if a.Package.Name == "stdlib" {
				stdlib++
			}
		}
	}
	if stdlib == 0 {
		t.Error("no stdlib record")
	}
}

func TestParseRejects(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"no id", `{"modified":"2024-01-01T00:00:00Z"}`, "no id"},
		{"trailing", `{"id":"X-1"} {}`, "data after"},
		{"not json", `<html>`, "parsing OSV record"},
		{"too large", `{"id":"X","details":"` + strings.Repeat("a", MaxRecordSize) + `"}`, "over the"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestBaseEcosystem(t *testing.T) {
	for in, want := range map[string]string{"Alpine:v3.10": "Alpine", "Debian:12": "Debian", "Ubuntu:22.04:LTS": "Ubuntu", "Go": "Go"} {
		if got := BaseEcosystem(in); got != want {
			t.Errorf("BaseEcosystem(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"id":"GO-2020-0001","affected":[{"package":{"ecosystem":"Go","name":"x"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		if err == nil && v.ID == "" {
			t.Fatal("accepted a record without id")
		}
	})
}
