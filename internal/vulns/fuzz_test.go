package vulns

import (
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func FuzzParseVEX(f *testing.F) {
	f.Add([]byte(`{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","timestamp":"2026-01-01T00:00:00Z","statements":[{"vulnerability":{"name":"CVE-2020-1967","aliases":["GHSA-1"]},"products":[{"@id":"pkg:oci/alpine@sha256%3Aab","subcomponents":[{"@id":"pkg:apk/alpine/libssl1.1"}],"identifiers":{"purl":"pkg:oci/a"},"hashes":{"sha-256":"ab"}}],"status":"not_affected","justification":"component_not_present"}]}`))
	f.Add([]byte(`{"@context":"https://openvex.dev/ns/v0.0.2","statements":[{"vulnerability":"CVE-1","products":["pkg:npm/a"],"status":"fixed"}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	img := &facts.Image{Digest: "sha256:ab", Ref: facts.Reference{Name: "alpine"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseVEX(data)
		if err != nil {
			return
		}
		for _, s := range st {
			if len(s.Vulnerability) == 0 || len(s.Products) == 0 {
				t.Fatalf("statement without vulnerability or products: %+v", s)
			}
		}
		kept, suppressed, _ := Filter(matches(), Settings{VEX: st}, img)
		if len(kept)+len(suppressed) != len(matches()) {
			t.Fatalf("%d kept + %d suppressed, want %d", len(kept), len(suppressed), len(matches()))
		}
	})
}

func FuzzParseIgnore(f *testing.F) {
	f.Add([]byte("ignore:\n  - id: CVE-2020-1967\n    package: openssl\n    reason: x\n    expires: 2026-12-31\n"))
	f.Add([]byte("ignore: []\n"))
	f.Add([]byte("ignore:\n  - {id: a, reason: b}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rules, err := ParseIgnore(data)
		if err != nil {
			return
		}
		for _, r := range rules {
			if r.ID == "" || r.Reason == "" {
				t.Fatalf("rule without id or reason: %+v", r)
			}
		}
		kept, suppressed, _ := Filter(matches(), Settings{Ignore: rules}, &facts.Image{Now: inspectd})
		if len(kept)+len(suppressed) != len(matches()) {
			t.Fatalf("%d kept + %d suppressed, want %d", len(kept), len(suppressed), len(matches()))
		}
	})
}

func FuzzCVSS(f *testing.F) {
	f.Add("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	f.Add("CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:L/I:N/A:N")
	f.Add("AV:N/AC:L/Au:N/C:P/I:P/A:P")
	f.Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	f.Fuzz(func(t *testing.T, vector string) {
		for _, score := range []func(string) (float64, error){CVSS4, CVSS3, CVSS2} {
			s, err := score(vector)
			if err == nil && (s < 0 || s > 10) {
				t.Fatalf("%q scored %v, outside 0..10", vector, s)
			}
		}
	})
}

func FuzzEcosystem(f *testing.F) {
	f.Add("golang", "stdlib", "go1.21rc2", "alpine", "3.10.2")
	f.Add("deb", "bash", "5.2", "ubuntu", "22.04")
	f.Add("rpm", "bash", "5.2", "rocky", "9.3")
	f.Fuzz(func(t *testing.T, typ, name, ver, id, versionID string) {
		p := facts.Package{Type: typ, Name: name, Version: ver}
		eco, n, v, ok := Ecosystem(p, facts.OS{ID: id, VersionID: versionID})
		if ok && (eco == "" || n == "" || v == "") {
			t.Fatalf("Ecosystem(%+v) = %q %q %q, ok with an empty part", p, eco, n, v)
		}
		if u, ok := parsePURL(name); ok && u.Name == "" {
			t.Fatalf("parsePURL(%q) ok with no name", name)
		}
	})
}
