package depcheck

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/customs-oss/customs/"

type pkg struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Imports    []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// forbidden maps a package prefix to the imports it must never have.
var forbidden = []struct {
	from    string
	imports []string
	why     string
}{
	{"internal/report", []string{"internal/scan", "internal/check", "internal/facts", "internal/walk", "internal/source", "internal/checks", "internal/cli"}, "renderers work from the report alone"},
	{"internal/walk", []string{"internal/scan", "internal/cli", "internal/source", "internal/checks"}, "the layer pass knows only the check API"},
	{"internal/facts", []string{"internal/scan", "internal/cli", "internal/check", "internal/checks", "internal/walk"}, "facts are plain data"},
	{"internal/check", []string{"internal/scan", "internal/cli", "internal/checks", "internal/walk"}, "the plugin API is below the checks"},
	{"internal/checks", []string{"internal/scan", "internal/cli", "internal/walk", "internal/source"}, "checks are pure functions of facts"},
	{"internal/source", []string{"internal/scan", "internal/cli", "internal/check", "internal/checks"}, "sources only open images"},
	{"internal/scan", []string{"internal/cli"}, "the library never depends on the command line"},
}

func TestLayering(t *testing.T) {
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(p.ImportPath, module)
		for _, rule := range forbidden {
			if rel != rule.from && !strings.HasPrefix(rel, rule.from+"/") {
				continue
			}
			for _, imp := range p.Imports {
				for _, bad := range rule.imports {
					if imp == module+bad || strings.HasPrefix(imp, module+bad+"/") {
						t.Errorf("%s imports %s: %s", rel, strings.TrimPrefix(imp, module), rule.why)
					}
				}
			}
		}
		for _, imp := range p.Imports {
			if imp == "github.com/spf13/pflag" && !strings.HasPrefix(rel, "internal/cli") {
				t.Errorf("%s imports pflag: only the command line parses flags", rel)
			}
			if testSupport(imp) && !testSupport(p.ImportPath) {
				t.Errorf("%s imports %s outside its tests: test support never ships", rel, strings.TrimPrefix(imp, module))
			}
		}
		base := filepath.Base(p.ImportPath)
		for _, banned := range []string{"util", "utils", "common", "helpers", "misc"} {
			if base == banned {
				t.Errorf("package %s: name packages for what they provide", rel)
			}
		}
	}
}

// TestNoInitOrExit keeps registration explicit and library code from ending
// the process: no init functions anywhere, os.Exit and log.Fatal only in main.
func TestNoInitOrExit(t *testing.T) {
	for _, p := range listPackages(t) {
		rel := strings.TrimPrefix(p.ImportPath, module)
		isMain := strings.HasPrefix(rel, "cmd/") || strings.HasSuffix(rel, "/mkexamples")
		for _, f := range p.GoFiles {
			path := filepath.Join(p.Dir, f)
			file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Name.Name == "init" && n.Recv == nil {
						t.Errorf("%s: init function; register explicitly", path)
					}
				case *ast.SelectorExpr:
					if id, ok := n.X.(*ast.Ident); ok && !isMain {
						if (id.Name == "os" && n.Sel.Name == "Exit") || (id.Name == "log" && strings.HasPrefix(n.Sel.Name, "Fatal")) {
							t.Errorf("%s: %s.%s outside main", path, id.Name, n.Sel.Name)
						}
					}
				}
				return true
			})
		}
	}
}

// testSupport reports the packages that exist for tests only; they may use
// each other, and nothing that ships may import them.
func testSupport(importPath string) bool {
	switch strings.TrimPrefix(importPath, module) {
	case "internal/samples", "internal/imagetest", "internal/scantest", "internal/inventory/inventorytest", "internal/report/reporttest",
		"internal/signature/keylesstest", "internal/signature/notation/notationtest",
		"internal/hub/hubtest", "internal/quay/quaytest", "internal/github/githubtest":
		return true
	}
	return false
}
