package binary

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/customs-oss/customs/internal/facts"
)

// depList is the dependency list cargo-auditable embeds (the VersionInfo
// of its auditable-serde crate). Dependencies are indexes into Packages.
type depList struct {
	Format   int `json:"format"`
	Packages []struct {
		Name         string `json:"name"`
		Version      string `json:"version"`
		Source       string `json:"source"`
		Kind         string `json:"kind"`
		Dependencies []int  `json:"dependencies"`
		Root         bool   `json:"root"`
	} `json:"packages"`
}

// parseDeps reads a cargo-auditable dependency list into one package per
// crate, in the order listed: the root crate, local crates and those from
// crates.io, git or other registries alike, since the list names what was
// compiled and matching decides what each source means.
func parseDeps(data []byte) ([]facts.Package, error) {
	var d depList
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("parsing cargo-auditable data: %w", err)
	}
	if len(d.Packages) == 0 {
		return nil, errors.New("cargo-auditable data lists no crates")
	}
	pkgs := make([]facts.Package, 0, len(d.Packages))
	for i, c := range d.Packages {
		if c.Name == "" || c.Version == "" {
			return nil, fmt.Errorf("cargo-auditable crate %d has no name or version", i)
		}
		for _, dep := range c.Dependencies {
			if dep < 0 || dep >= len(d.Packages) {
				return nil, fmt.Errorf("cargo-auditable crate %q depends on crate %d of %d", c.Name, dep, len(d.Packages))
			}
		}
		pkgs = append(pkgs, facts.Package{Type: "cargo", Name: c.Name, Version: c.Version})
	}
	return pkgs, nil
}
