package npm

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// maxLockDepth bounds how deep a lockfileVersion 1 dependency tree is
// followed; npm's trees are a few levels deep.
const maxLockDepth = 64

// packageLock is the part of a package-lock.json or npm-shrinkwrap.json
// that lists packages: "packages", keyed by install path, in lockfile
// versions 2 and 3; the nested "dependencies" tree in version 1 (which
// version 2 also carries, as a copy).
type packageLock struct {
	LockfileVersion int                       `json:"lockfileVersion"`
	Packages        map[string]lockPackage    `json:"packages"`
	Dependencies    map[string]lockDependency `json:"dependencies"`
}

type lockPackage struct {
	Name    string          `json:"name"`
	Version string          `json:"version"`
	License json.RawMessage `json:"license"`
	Link    bool            `json:"link"`
}

type lockDependency struct {
	Version      string                    `json:"version"`
	Dependencies map[string]lockDependency `json:"dependencies"`
}

// parsePackageLock returns the packages a package-lock.json pins, in no
// particular order and possibly repeated.
func parsePackageLock(data []byte) ([]facts.Package, error) {
	var l packageLock
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, err
	}
	if l.Packages != nil {
		return fromPackages(l.Packages), nil
	}
	var out []facts.Package
	if err := fromDependencies(&out, l.Dependencies, 0); err != nil {
		return out, err
	}
	return out, nil
}

// fromPackages lists the "packages" map. The root ("") and workspace
// folders are the application itself, and links point at them: neither is
// a package installed from a registry.
func fromPackages(m map[string]lockPackage) []facts.Package {
	out := make([]facts.Package, 0, len(m))
	for key, p := range m {
		i := strings.LastIndex(key, "node_modules/")
		if i < 0 || p.Link || p.Version == "" || local(p.Version) {
			continue
		}
		name := p.Name
		if name == "" {
			name = key[i+len("node_modules/"):]
		}
		if name == "" {
			continue
		}
		out = append(out, facts.Package{Type: "npm", Name: name, Version: p.Version, Licenses: licenseNames(p.License)})
	}
	return out
}

// fromDependencies lists a lockfileVersion 1 tree.
func fromDependencies(out *[]facts.Package, m map[string]lockDependency, depth int) error {
	if depth >= maxLockDepth {
		return fmt.Errorf("dependencies nested more than %d deep", maxLockDepth)
	}
	for key, d := range m {
		name, version := alias(key, d.Version)
		if name != "" && version != "" && !local(version) {
			*out = append(*out, facts.Package{Type: "npm", Name: name, Version: version})
		}
		if err := fromDependencies(out, d.Dependencies, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// alias resolves an npm alias, installed as name but really the package
// the version "npm:real@1.2.3" names.
func alias(name, version string) (string, string) {
	spec, ok := strings.CutPrefix(version, "npm:")
	if !ok {
		return name, version
	}
	if i := strings.LastIndexByte(spec, '@'); i > 0 {
		return spec[:i], spec[i+1:]
	}
	return name, version
}

// local reports whether a version points at a directory rather than a
// published package.
func local(version string) bool {
	return strings.HasPrefix(version, "file:") || strings.HasPrefix(version, "link:")
}
