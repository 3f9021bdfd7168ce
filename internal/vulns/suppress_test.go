package vulns

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var (
	libssl   = facts.Package{Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl"}
	busybox  = facts.Package{Type: "apk", Name: "busybox", Version: "1.30.1-r2", Source: "busybox"}
	inspectd = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
)

func matches() []Match {
	return []Match{
		{Package: libssl, ID: "CVE-2020-1967", Aliases: []string{"ALPINE-CVE-2020-1967"}, Fixed: "1.1.1g-r0"},
		{Package: libssl, ID: "CVE-2021-0001"},
		{Package: busybox, ID: "CVE-2021-42374", Fixed: "1.30.1-r5"},
	}
}

func ids(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Package.Name+" "+m.ID)
	}
	return out
}

func TestFilterIgnoreFile(t *testing.T) {
	rules, err := ParseIgnore([]byte(`ignore:
  - id: ALPINE-CVE-2020-1967
    package: openssl
    reason: no TLS server in this image
    expires: 2026-06-01
  - id: CVE-2021-42374
    reason: "busybox unzip is never run"
    expires: 2026-05-31
  - id: CVE-2021-0001
    package: busybox
    reason: only in busybox
`))
	if err != nil {
		t.Fatal(err)
	}
	kept, suppressed, notes := Filter(matches(), Settings{Ignore: rules}, &facts.Image{Now: inspectd})
	if diff := cmp.Diff([]string{"libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"}, ids(kept)); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if len(suppressed) != 1 || suppressed[0].Reason != "ignore file: no TLS server in this image" {
		t.Errorf("suppressed %+v, want CVE-2020-1967 by the ignore file", suppressed)
	}
	wantNotes := []string{
		"ignore entry CVE-2021-42374 expired on 2026-05-31 and no longer suppresses it",
		"1 vulnerability suppressed by the ignore file (no TLS server in this image): CVE-2020-1967 in libssl1.1",
	}
	if diff := cmp.Diff(wantNotes, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestParseIgnoreErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"no reason", "ignore:\n  - id: CVE-2020-1967\n", "no reason"},
		{"no id", "ignore:\n  - reason: x\n", "no id"},
		{"bad day", "ignore:\n  - id: CVE-1\n    reason: x\n    expires: next year\n", "not a day"},
		{"misspelt key", "ignore:\n  - id: CVE-1\n    reason: x\n    expire: 2026-01-01\n", "expire"},
		{"too large", strings.Repeat("#", MaxIgnoreFile+1), "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIgnore([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseIgnore error %v, want one saying %q", err, tt.want)
			}
		})
	}
	rules, err := ParseIgnore(nil)
	if err != nil || len(rules) != 0 {
		t.Errorf("empty file: %v, %v; want no rules", rules, err)
	}
}

func TestFilterIgnoreUnfixed(t *testing.T) {
	kept, suppressed, notes := Filter(matches(), Settings{IgnoreUnfixed: true}, &facts.Image{})
	if diff := cmp.Diff([]string{"libssl1.1 CVE-2020-1967", "busybox CVE-2021-42374"}, ids(kept)); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if len(suppressed) != 1 {
		t.Errorf("suppressed %+v, want one", suppressed)
	}
	want := []string{"1 vulnerability without a fix not reported (--ignore-unfixed): CVE-2021-0001 in libssl1.1"}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	kept, _, _ = Filter(matches(), Settings{}, &facts.Image{})
	if len(kept) != 3 {
		t.Errorf("without settings %d kept, want all 3", len(kept))
	}
}

const digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func TestFilterVEX(t *testing.T) {
	img := &facts.Image{Digest: digest, Ref: facts.Reference{Name: "docker.io/library/alpine:3.10"}}
	tests := []struct {
		name string
		doc  string
		kept []string
		note string
	}{
		{
			name: "not_affected for a package by purl with qualifiers",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.com/vex/1","timestamp":"2026-01-01T00:00:00Z","statements":[
				{"vulnerability":{"name":"CVE-2020-1967"},"products":[{"@id":"pkg:apk/alpine/libssl1.1@1.1.1d-r2?arch=x86_64&distro=3.10.2"}],
				 "status":"not_affected","justification":"vulnerable_code_not_in_execute_path"}]}`,
			kept: []string{"libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
			note: "1 vulnerability suppressed by VEX (not_affected: vulnerable_code_not_in_execute_path): CVE-2020-1967 in libssl1.1",
		},
		{
			name: "image digest applies to every package, matched by alias",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","statements":[
				{"vulnerability":{"@id":"https://nvd.nist.gov/vuln/detail/X","name":"X","aliases":["CVE-2021-42374","CVE-2021-0001"]},"products":[{"@id":"pkg:oci/alpine@sha256%3A0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}],
				 "status":"fixed"}]}`,
			kept: []string{"libssl1.1 CVE-2020-1967"},
			note: "2 vulnerabilities suppressed by VEX (fixed): CVE-2021-0001 in libssl1.1, CVE-2021-42374 in busybox",
		},
		{
			name: "subcomponent of the image",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","statements":[
				{"vulnerability":{"name":"ALPINE-CVE-2020-1967"},"products":[{"@id":"docker.io/library/alpine:3.10","subcomponents":[{"@id":"pkg:apk/alpine/libssl1.1"}]}],
				 "status":"not_affected","impact_statement":"no TLS"}]}`,
			kept: []string{"libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
			note: "1 vulnerability suppressed by VEX (not_affected: no TLS): CVE-2020-1967 in libssl1.1",
		},
		{
			name: "subcomponent of another image",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","statements":[
				{"vulnerability":{"name":"CVE-2020-1967"},"products":[{"@id":"pkg:oci/other@sha256%3Affff","subcomponents":[{"@id":"pkg:apk/alpine/libssl1.1"}]}],
				 "status":"not_affected","justification":"component_not_present"}]}`,
			kept: []string{"libssl1.1 CVE-2020-1967", "libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
		},
		{
			name: "other version of the package",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","statements":[
				{"vulnerability":{"name":"CVE-2020-1967"},"products":[{"@id":"pkg:apk/alpine/libssl1.1@1.1.1g-r0"}],
				 "status":"not_affected","justification":"component_not_present"}]}`,
			kept: []string{"libssl1.1 CVE-2020-1967", "libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
		},
		{
			name: "a later affected statement overrides",
			doc: `{"@context":"https://openvex.dev/ns/v0.2.0","@id":"x","statements":[
				{"vulnerability":{"name":"CVE-2020-1967"},"products":[{"@id":"pkg:apk/alpine/libssl1.1"}],"timestamp":"2026-03-01T00:00:00Z","status":"affected"},
				{"vulnerability":{"name":"CVE-2020-1967"},"products":[{"@id":"pkg:apk/alpine/libssl1.1"}],"timestamp":"2026-01-01T00:00:00Z","status":"not_affected","justification":"inline_mitigations_already_exist"}]}`,
			kept: []string{"libssl1.1 CVE-2020-1967", "libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
		},
		{
			name: "under investigation suppresses nothing",
			doc: `{"@context":"https://openvex.dev/ns/v0.0.2","@id":"x","statements":[
				{"vulnerability":"CVE-2020-1967","products":["pkg:apk/alpine/libssl1.1"],"status":"under_investigation"}]}`,
			kept: []string{"libssl1.1 CVE-2020-1967", "libssl1.1 CVE-2021-0001", "busybox CVE-2021-42374"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := ParseVEX([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			kept, suppressed, notes := Filter(matches(), Settings{VEX: st}, img)
			if diff := cmp.Diff(tt.kept, ids(kept)); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if len(kept)+len(suppressed) != 3 {
				t.Errorf("%d kept and %d suppressed, want 3 in all", len(kept), len(suppressed))
			}
			var wantNotes []string
			if tt.note != "" {
				wantNotes = []string{tt.note}
			}
			if diff := cmp.Diff(wantNotes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseVEXErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"not OpenVEX", `{"@context":"https://cyclonedx.org","statements":[]}`, "not OpenVEX"},
		{"not_affected without justification", `{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"pkg:npm/a"}],"status":"not_affected"}]}`, "justification"},
		{"unknown status", `{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"pkg:npm/a"}],"status":"fine"}]}`, "status"},
		{"no vulnerability", `{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{},"products":[{"@id":"pkg:npm/a"}],"status":"fixed"}]}`, "no name"},
		{"no products", `{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"status":"fixed"}]}`, "no products"},
		{"trailing data", `{"@context":"https://openvex.dev/ns/v0.2.0"} {}`, "after"},
		{"too large", strings.Repeat(" ", MaxVEX+1), "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseVEX([]byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseVEX error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestPURLNames(t *testing.T) {
	tests := []struct {
		purl string
		pkg  facts.Package
		want bool
	}{
		{"pkg:npm/%40babel/core@7.0.0", facts.Package{Type: "npm", Name: "@babel/core", Version: "7.0.0"}, true},
		{"pkg:npm/%40babel/core@7.0.1", facts.Package{Type: "npm", Name: "@babel/core", Version: "7.0.0"}, false},
		{"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar", facts.Package{Type: "maven", Name: "org.apache.logging.log4j:log4j-core", Version: "2.14.1"}, true},
		{"pkg:golang/golang.org/x/text@v0.3.5", facts.Package{Type: "golang", Name: "golang.org/x/text", Version: "v0.3.5"}, true},
		{"pkg:pypi/django-rest-framework", facts.Package{Type: "pypi", Name: "Django_REST_framework", Version: "3.0"}, true},
		{"pkg:deb/debian/libssl3@3.0.11-1?arch=amd64", facts.Package{Type: "deb", Name: "libssl3", Version: "3.0.11-1"}, true},
		{"pkg:deb/debian/libssl3", facts.Package{Type: "apk", Name: "libssl3", Version: "3.0.11-1"}, false},
		{"pkg:composer/symfony/http-kernel#src", facts.Package{Type: "composer", Name: "symfony/http-kernel", Version: "5.0.0"}, true},
		{"npm/lodash", facts.Package{Type: "npm", Name: "lodash"}, false},
	}
	for _, tt := range tests {
		u, ok := parsePURL(tt.purl)
		if got := ok && names(u, tt.pkg); got != tt.want {
			t.Errorf("%s names %+v = %v, want %v", tt.purl, tt.pkg, got, tt.want)
		}
	}
}
