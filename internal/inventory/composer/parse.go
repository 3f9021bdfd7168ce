package composer

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// maxLicenses bounds the licences kept for one package.
const maxLicenses = 16

// entry is the part of a package record that customs keeps. Version is as
// the package's tag spells it ("v5.4.3", "dev-main"); Composer's
// version_normalized ("5.4.3.0") is left for the matcher to derive.
type entry struct {
	Name    string          `json:"name"`
	Version string          `json:"version"`
	License json.RawMessage `json:"license"`
}

// parseInstalled reads vendor/composer/installed.json: an array of
// packages as Composer 1 writes it, {"packages": [...]} as Composer 2 does.
func parseInstalled(data []byte) ([]facts.Package, error) {
	data = bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(data) > 0 && data[0] == '[' {
		var list []entry
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, err
		}
		return packages(list), nil
	}
	var v2 struct {
		Packages []entry `json:"packages"`
	}
	if err := json.Unmarshal(data, &v2); err != nil {
		return nil, err
	}
	return packages(v2.Packages), nil
}

// parseLock reads composer.lock: the packages, then the development ones.
func parseLock(data []byte) ([]facts.Package, error) {
	var l struct {
		Packages    []entry `json:"packages"`
		PackagesDev []entry `json:"packages-dev"`
	}
	if err := json.Unmarshal(data, &l); err != nil {
		return nil, err
	}
	return packages(append(l.Packages, l.PackagesDev...)), nil
}

// packages converts the records with a name and a version.
func packages(list []entry) []facts.Package {
	var out []facts.Package
	for _, e := range list {
		if e.Name == "" || e.Version == "" {
			continue
		}
		out = append(out, facts.Package{Type: "composer", Name: e.Name, Version: e.Version, Licenses: licenses(e.License)})
	}
	return out
}

// licenses reads "license", an array of SPDX identifiers or, in older
// packages, a single string.
func licenses(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		var one string
		if json.Unmarshal(raw, &one) != nil {
			return nil
		}
		list = []string{one}
	}
	var out []string
	for _, l := range list {
		if l = strings.TrimSpace(l); l != "" && len(out) < maxLicenses {
			out = append(out, l)
		}
	}
	return out
}
