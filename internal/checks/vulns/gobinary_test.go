package vulns

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/inventory/readers"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	matcher "github.com/customs-oss/customs/internal/vulns"
	"github.com/customs-oss/customs/internal/walk"
)

// goRecords are the Go vulnerability database's records for the modules
// the tests use.
const goRecords = "../../vulns/testdata/osv-go"

// oldText is a main module built against golang.org/x/text v0.3.5, which
// the Go vulnerability database lists as vulnerable.
var oldText = map[string]string{
	"go.mod": "module example.com/app\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.5\n",
	"main.go": `package main

import (
	"fmt"

	"golang.org/x/text/language"
)

func main() { fmt.Println(language.English) }
`,
}

// TestGoBinary builds a real Go program against an old golang.org/x/text,
// records an old toolchain in its build info as an old compiler would, puts
// it in an image and inspects it with every inventory reader and the real
// Go vulnerability records: the module and the standard library are both
// matched, with their fixed versions.
func TestGoBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	bin := buildProgram(t, oldText)
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	// The toolchain this test runs with has no known vulnerabilities yet;
	// an equally long older version in the build info makes the binary
	// one that toolchain built.
	old := "go1.18.1"
	if len(info.GoVersion) != len(old) {
		t.Skipf("toolchain version %q cannot be swapped in place", info.GoVersion)
	}
	data = bytes.ReplaceAll(data, []byte(info.GoVersion), []byte(old))
	img := imagetest.Image(t, v1.Config{Entrypoint: []string{"/app/server"}},
		imagetest.Step{CreatedBy: "COPY server /app/", Layer: imagetest.Layer(t, imagetest.File{Path: "app/server", Content: string(data), Mode: 0o755})})
	records := loadRecords(t, goRecords)
	r, err := scan.Inspect(context.Background(), imagetest.Layout(t, img, "example/app:1"), scan.Options{
		Checks:    []check.Constructor{Known(Options{Lookup: matcher.NewMemory(records)})},
		Walk:      walk.DefaultOptions(),
		Policy:    report.DefaultPolicy(),
		Inventory: readers.All(),
		CacheDir:  t.TempDir(),
		Now:       func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]report.Vulnerability{}
	for _, f := range r.Findings {
		if v := f.Evidence.Vulnerability; v != nil {
			found[v.Package+" "+v.ID] = *v
			if f.Evidence.Path != "/app/server" || f.Evidence.Layer == nil || *f.Evidence.Layer != 0 {
				t.Errorf("%s: evidence %+v, want /app/server in layer 0", v.ID, f.Evidence)
			}
		}
	}
	for key, fixed := range map[string]string{
		"golang.org/x/text CVE-2021-38561": "0.3.7",
		"golang.org/x/text CVE-2022-32149": "0.3.8",
		"stdlib CVE-2022-30580":            "1.18.3",
	} {
		v, ok := found[key]
		if !ok {
			t.Errorf("%s not reported; found %d: %v", key, len(found), keys(found))
			continue
		}
		if v.Fixed != fixed || v.Ecosystem != "Go" {
			t.Errorf("%s: fixed %q in %q, want %q in Go", key, v.Fixed, v.Ecosystem, fixed)
		}
	}
	if v := found["stdlib CVE-2022-30580"]; v.Installed != old {
		t.Errorf("stdlib installed %q, want %q", v.Installed, old)
	}
}

// buildProgram builds the main module files into a binary, skipping the
// test when the module proxy cannot be reached.
func buildProgram(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "server")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-trimpath", "-o", bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "GOWORK=off", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build the test program (module proxy unreachable?): %v\n%s", err, out)
	}
	return bin
}

// loadRecords reads every OSV record in dir.
func loadRecords(t *testing.T, dir string) []*osv.Vulnerability {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no OSV records in %s: %v", dir, err)
	}
	var out []*osv.Vulnerability
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		v, err := osv.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, v)
	}
	return out
}

func keys(m map[string]report.Vulnerability) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, ", ")
}
