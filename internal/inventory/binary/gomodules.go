package binary

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// goPackages turns the toolchain version and module info of a Go binary
// into packages: "stdlib" at the toolchain version ("go1.22.5", as the
// binary spells it), the main module, and every dependency. A replaced
// dependency is reported as its replacement, which is the code the binary
// holds; a replacement by a local directory ("./local", at version
// "(devel)" or none) is listed under the original path without a version. A main module built without version
// control information ("(devel)") is listed without a version.
func goPackages(vers, mod string) ([]facts.Package, error) {
	// The module info is framed by two 16-byte sentinels.
	if len(mod) >= 33 && mod[len(mod)-17] == '\n' {
		mod = mod[16 : len(mod)-16]
	} else {
		mod = ""
	}
	bi, err := debug.ParseBuildInfo(mod)
	if err != nil {
		return nil, fmt.Errorf("parsing module info: %w", err)
	}
	pkgs := []facts.Package{{Type: "golang", Name: "stdlib", Version: toolchain(vers)}}
	if bi.Main.Path != "" {
		v := bi.Main.Version
		if local(v) {
			v = ""
		}
		pkgs = append(pkgs, facts.Package{Type: "golang", Name: bi.Main.Path, Version: v})
	}
	for _, d := range bi.Deps {
		p := facts.Package{Type: "golang", Name: d.Path, Version: d.Version}
		if r := d.Replace; r != nil {
			p.Name, p.Version = r.Path, r.Version
			if local(r.Version) {
				p.Name, p.Version = d.Path, ""
			}
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// toolchain returns the Go version a binary was built with, without the
// experiments a toolchain may append ("go1.22.5 X:boringcrypto"), or ""
// for a development toolchain, which has no release to compare.
func toolchain(vers string) string {
	vers, _, _ = strings.Cut(vers, " ")
	if !strings.HasPrefix(vers, "go") {
		return ""
	}
	return vers
}

// local reports whether a module version is that of a directory on the
// build machine, which names no release.
func local(version string) bool { return version == "" || version == "(devel)" }
