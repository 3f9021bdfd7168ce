package npm

import (
	"encoding/json"
)

// manifest is the part of a package.json that names an installed package.
// License and Licenses stay raw: they are a string, an object or an array
// depending on the package's age.
type manifest struct {
	Name     string          `json:"name"`
	Version  string          `json:"version"`
	License  json.RawMessage `json:"license"`
	Licenses json.RawMessage `json:"licenses"`
}

// parseManifest decodes a package.json.
func parseManifest(data []byte) (manifest, error) {
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return manifest{}, err
	}
	return m, nil
}
