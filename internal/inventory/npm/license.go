package npm

import (
	"encoding/json"
	"strings"
)

// maxLicenses bounds the licences kept for one package.
const maxLicenses = 16

// licenseNames returns the licences a package declares, in any of the
// forms npm has accepted: "license": "MIT", "license": {"type": "MIT"},
// and the legacy "licenses": [{"type": "MIT"}, "Apache-2.0"]. Values of
// any other shape are ignored.
func licenseNames(fields ...json.RawMessage) []string {
	var out []string
	for _, raw := range fields {
		if len(raw) > 0 && raw[0] == '[' {
			var a []json.RawMessage
			if json.Unmarshal(raw, &a) != nil {
				continue
			}
			for _, v := range a {
				out = appendLicense(out, v)
			}
			continue
		}
		out = appendLicense(out, raw)
	}
	return out
}

// appendLicense adds the licence raw names, a string or an object with a
// string "type".
func appendLicense(out []string, raw json.RawMessage) []string {
	if len(raw) > 0 && raw[0] == '{' {
		var o struct {
			Type json.RawMessage `json:"type"`
		}
		if json.Unmarshal(raw, &o) != nil {
			return out
		}
		raw = o.Type
	}
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		return out
	}
	if s = strings.TrimSpace(s); s != "" && len(out) < maxLicenses {
		out = append(out, s)
	}
	return out
}
