package vulns

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
)

// record builds an OSV record affecting one npm-like package.
func record(id string, aliases []string, eco, pkg, introduced, fixed string) *osv.Vulnerability {
	events := []osv.Event{{Introduced: introduced}}
	if fixed != "" {
		events = append(events, osv.Event{Fixed: fixed})
	}
	return &osv.Vulnerability{
		ID: id, Aliases: aliases, Summary: "summary of " + id,
		Affected: []osv.Affected{{
			Package: osv.Package{Ecosystem: eco, Name: pkg},
			Ranges:  []osv.Range{{Type: "SEMVER", Events: events}},
		}},
		References: []osv.Reference{{Type: "WEB", URL: "https://example.com/" + id}, {Type: "ADVISORY", URL: "https://advisory.example/" + id}},
	}
}

func TestFind(t *testing.T) {
	lodash := facts.Package{Type: "npm", Name: "lodash", Version: "4.17.15", Path: "app/node_modules/lodash/package.json"}
	withdrawn := record("GHSA-wwww-wwww-wwww", []string{"CVE-2099-0001"}, "npm", "lodash", "0", "")
	withdrawn.Withdrawn = &time.Time{}
	ghsa := record("GHSA-p6mc-m468-83gw", []string{"CVE-2020-8203"}, "npm", "lodash", "0", "4.17.19")
	ghsa.Severity = []osv.Severity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H"}}
	nvd := record("CVE-2020-8203", nil, "npm", "lodash", "0", "4.17.20")
	github := record("GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "npm", "lodash", "0", "4.17.21")
	github.DatabaseSpecific = json.RawMessage(`{"severity":"HIGH"}`)
	chain := record("OSV-2021-1", []string{"GHSA-35jh-r3h4-6jhm"}, "npm", "lodash", "0", "")
	other := record("GHSA-xxxx-xxxx-xxxx", nil, "npm", "lodash", "0", "")
	fixedBefore := record("GHSA-29mw-wpgm-hmr9", []string{"CVE-2020-28500"}, "npm", "lodash", "4.0.0", "4.17.10")
	otherEco := record("PYSEC-1", nil, "PyPI", "lodash", "0", "")
	img := &facts.Image{Packages: []facts.Package{
		lodash,
		{Type: "composer", Name: "symfony/http-kernel", Version: "5.0.0"},
		{Type: "deb", Name: "bash", Version: "5.2"},
	}}
	mem := NewMemory([]*osv.Vulnerability{withdrawn, ghsa, nvd, github, chain, other, fixedBefore, otherEco})
	ms, notes, err := Find(context.Background(), mem, img)
	if err != nil {
		t.Fatal(err)
	}
	want := []Match{
		{
			Package: lodash, Ecosystem: "npm", Name: "lodash", Version: "4.17.15",
			ID: "CVE-2020-8203", Aliases: []string{"GHSA-p6mc-m468-83gw"}, Summary: "summary of CVE-2020-8203",
			Fixed: "4.17.19", Severity: report.SeverityHigh, Score: 7.4, CVSS: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", Rated: true,
			References: []string{"https://advisory.example/CVE-2020-8203", "https://advisory.example/GHSA-p6mc-m468-83gw", "https://osv.dev/vulnerability/CVE-2020-8203", "https://example.com/CVE-2020-8203", "https://example.com/GHSA-p6mc-m468-83gw"},
		},
		{
			Package: lodash, Ecosystem: "npm", Name: "lodash", Version: "4.17.15",
			ID: "CVE-2021-23337", Aliases: []string{"GHSA-35jh-r3h4-6jhm", "OSV-2021-1"}, Summary: "summary of GHSA-35jh-r3h4-6jhm",
			Fixed: "4.17.21", Severity: report.SeverityHigh, Rated: true,
			References: []string{"https://advisory.example/GHSA-35jh-r3h4-6jhm", "https://advisory.example/OSV-2021-1", "https://osv.dev/vulnerability/CVE-2021-23337", "https://example.com/GHSA-35jh-r3h4-6jhm", "https://example.com/OSV-2021-1"},
		},
		{
			Package: lodash, Ecosystem: "npm", Name: "lodash", Version: "4.17.15",
			ID: "GHSA-xxxx-xxxx-xxxx", Summary: "summary of GHSA-xxxx-xxxx-xxxx", Severity: report.SeverityMedium,
			References: []string{"https://advisory.example/GHSA-xxxx-xxxx-xxxx", "https://osv.dev/vulnerability/GHSA-xxxx-xxxx-xxxx", "https://example.com/GHSA-xxxx-xxxx-xxxx"},
		},
	}
	if diff := cmp.Diff(want, ms); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	wantNotes := []string{
		"1 composer packages not checked for vulnerabilities: customs cannot order Packagist versions",
		"1 deb packages not checked for vulnerabilities: the base operating system is unknown",
	}
	if diff := cmp.Diff(wantNotes, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// TestFindBrokenRecord reports a record whose ranges cannot be read and
// still matches the others.
func TestFindBrokenRecord(t *testing.T) {
	broken := record("GHSA-bad", nil, "npm", "lodash", "0", "not a version")
	good := record("GHSA-good", nil, "npm", "lodash", "0", "5.0.0")
	img := &facts.Image{Packages: []facts.Package{{Type: "npm", Name: "lodash", Version: "4.17.15"}}}
	ms, notes, err := Find(context.Background(), NewMemory([]*osv.Vulnerability{broken, good}), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].ID != "GHSA-good" {
		t.Errorf("matches %+v, want GHSA-good only", ms)
	}
	if len(notes) != 1 {
		t.Errorf("notes %q, want one about GHSA-bad", notes)
	}
}

// failing is a Lookup that always fails.
type failing struct{}

func (failing) LookupMany(context.Context, []Query) (map[Query][]*osv.Vulnerability, error) {
	return nil, context.DeadlineExceeded
}

func TestFindLookupError(t *testing.T) {
	img := &facts.Image{Packages: []facts.Package{{Type: "npm", Name: "lodash", Version: "4.17.15"}}}
	if _, _, err := Find(context.Background(), failing{}, img); err == nil {
		t.Error("Find succeeded with a failing lookup")
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		name string
		v    osv.Vulnerability
		a    osv.Affected
		want Rating
	}{
		{"v3 on the entry wins", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"}}},
			osv.Affected{Severity: []osv.Severity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}},
			Rating{report.SeverityCritical, 9.8, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", true}},
		{"v3 before v2", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V2", Score: "AV:N/AC:L/Au:N/C:P/I:P/A:P"}, {Type: "CVSS_V3", Score: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"}}}, osv.Affected{},
			Rating{report.SeverityHigh, 7.8, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", true}},
		{"v2 alone", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V2", Score: "AV:N/AC:M/Au:N/C:N/I:P/A:N"}}}, osv.Affected{},
			Rating{report.SeverityMedium, 4.3, "AV:N/AC:M/Au:N/C:N/I:P/A:N", true}},
		{"v4 scored before the database rating", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V4", Score: "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}}, DatabaseSpecific: json.RawMessage(`{"severity":"CRITICAL"}`)}, osv.Affected{},
			Rating{report.SeverityHigh, 8.5, "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", true}},
		{"broken v4 falls to the database rating", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V4", Score: "CVSS:4.0/AV:N"}}, DatabaseSpecific: json.RawMessage(`{"severity":"CRITICAL"}`)}, osv.Affected{},
			Rating{Severity: report.SeverityCritical, Rated: true}},
		{"GitHub moderate", osv.Vulnerability{DatabaseSpecific: json.RawMessage(`{"severity":"MODERATE","cwe_ids":[]}`)}, osv.Affected{},
			Rating{Severity: report.SeverityMedium, Rated: true}},
		{"Debian urgency on the entry", osv.Vulnerability{}, osv.Affected{DatabaseSpecific: json.RawMessage(`{"urgency":"low*"}`)},
			Rating{Severity: report.SeverityLow, Rated: true}},
		{"Ubuntu priority", osv.Vulnerability{Severity: []osv.Severity{{Type: "Ubuntu", Score: "high"}}}, osv.Affected{},
			Rating{Severity: report.SeverityHigh, Rated: true}},
		{"broken vector and no rating", osv.Vulnerability{Severity: []osv.Severity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N"}}, DatabaseSpecific: json.RawMessage(`{"urgency":"not yet assigned"}`)}, osv.Affected{},
			Rating{Severity: report.SeverityMedium}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rate(&tt.v, &tt.a)); diff != "" {
				t.Errorf("rate (-want +got):\n%s", diff)
			}
		})
	}
}
