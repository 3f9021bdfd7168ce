package binary

import (
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

// helloModule is a main module with a plain dependency at an old version,
// a dependency replaced by another version and one replaced by a local
// directory.
var helloModule = map[string]string{
	"go.mod": `module example.com/hello

go 1.22

require (
	example.com/local v0.0.0
	golang.org/x/mod v0.24.0
	golang.org/x/text v0.3.5
)

replace golang.org/x/mod v0.24.0 => golang.org/x/mod v0.42.0

replace example.com/local => ./local
`,
	"main.go": `package main

import (
	"fmt"

	"example.com/local"
	"golang.org/x/mod/semver"
	"golang.org/x/text/language"
)

func main() { fmt.Println(language.English, semver.IsValid("v1.0.0"), local.Hi()) }
`,
	"local/go.mod":   "module example.com/local\n\ngo 1.22\n",
	"local/local.go": "package local\n\n// Hi greets.\nfunc Hi() string { return \"hi\" }\n",
}

// fromBuildInfo lists what the standard library reads from a binary, as
// the packages the streamer must report.
func fromBuildInfo(t *testing.T, path string) []facts.Package {
	t.Helper()
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []facts.Package{{Type: "golang", Name: "stdlib", Version: bi.GoVersion}}
	if bi.Main.Path != "" {
		want = append(want, facts.Package{Type: "golang", Name: bi.Main.Path, Version: strings.TrimPrefix(bi.Main.Version, "(devel)")})
	}
	for _, d := range bi.Deps {
		m := d
		if d.Replace != nil && d.Replace.Version != "(devel)" {
			m = d.Replace
		} else if d.Replace != nil {
			m = &debug.Module{Path: d.Path}
		}
		want = append(want, facts.Package{Type: "golang", Name: m.Path, Version: m.Version})
	}
	return want
}

func TestGoBinaries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	dir := t.TempDir()
	writeModule(t, dir, helloModule)
	bins := map[string]string{
		"default":  goBuild(t, dir, "hello", nil),
		"stripped": goBuild(t, dir, "hello-stripped", nil, "-ldflags=-s -w"),
		"static":   goBuild(t, dir, "hello-static", []string{"CGO_ENABLED=0"}),
		"pie":      goBuild(t, dir, "hello-pie", nil, "-buildmode=pie"),
		"windows":  goBuild(t, dir, "hello.exe", []string{"GOOS=windows", "GOARCH=amd64"}),
		"darwin":   goBuild(t, dir, "hello-darwin", []string{"GOOS=darwin", "GOARCH=arm64"}),
	}
	// The go command itself reads build info, so it also holds the magic
	// string as a literal before its own header.
	if goCmd, err := exec.LookPath("go"); err == nil {
		bins["go command"] = goCmd
	}
	for name, bin := range bins {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(bin)
			if err != nil {
				t.Fatal(err)
			}
			want := fromBuildInfo(t, bin)
			for seed := range uint64(4) {
				got, err := stream(t, data, seed, 1<<(4*seed+4))
				if err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("seed %d: packages differ from debug/buildinfo (-want +got):\n%s", seed, diff)
				}
			}
		})
	}
	// What the module says, independently of debug/buildinfo.
	data, err := os.ReadFile(bins["default"])
	if err != nil {
		t.Fatal(err)
	}
	got, err := stream(t, data, 9, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []facts.Package{
		{Type: "golang", Name: "example.com/hello"},
		{Type: "golang", Name: "example.com/local"},
		{Type: "golang", Name: "golang.org/x/mod", Version: "v0.42.0"},
		{Type: "golang", Name: "golang.org/x/text", Version: "v0.3.5"},
	} {
		if !contains(got, p) {
			t.Errorf("%+v not listed in %+v", p, got)
		}
	}
	if got[0].Name != "stdlib" || !strings.HasPrefix(got[0].Version, "go1.") {
		t.Errorf("first package = %+v, want stdlib at a go1.x version", got[0])
	}
}

func contains(pkgs []facts.Package, p facts.Package) bool {
	for _, q := range pkgs {
		if cmp.Equal(q, p) {
			return true
		}
	}
	return false
}

func TestNotGo(t *testing.T) {
	for _, path := range []string{"/bin/ls", "/bin/true", "/usr/bin/objcopy"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Skip(err)
			}
			got, err := stream(t, data, 1, 8192)
			if err != nil || got != nil {
				t.Errorf("Stream = %+v, %v; want nothing", got, err)
			}
		})
	}
}
