package vulns

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
	matcher "github.com/customs-oss/customs/internal/vulns"
)

var (
	libssl = facts.Package{Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2", Path: "lib/apk/db/installed", Layer: 0}
	lodash = facts.Package{Type: "npm", Name: "lodash", Version: "4.17.15", Path: "app/node_modules/lodash/package.json", Layer: 1}
	alpine = facts.OS{ID: "alpine", VersionID: "3.10.2"}
	layers = []facts.Layer{{Index: 0, Digest: "sha256:aaa", HistoryStep: 0}, {Index: 1, Digest: "sha256:bbb", HistoryStep: 2}}
)

func records() []*osv.Vulnerability {
	return []*osv.Vulnerability{
		{
			ID: "ALPINE-CVE-2020-1967", Aliases: []string{"CVE-2020-1967"},
			Affected: []osv.Affected{{
				Package: osv.Package{Ecosystem: "Alpine:v3.10", Name: "openssl"},
				Ranges:  []osv.Range{{Type: "ECOSYSTEM", Events: []osv.Event{{Introduced: "0"}, {Fixed: "1.1.1g-r0"}}}},
			}},
			References: []osv.Reference{{Type: "ADVISORY", URL: "https://security.alpinelinux.org/vuln/CVE-2020-1967"}},
		},
		{
			ID: "GHSA-35jh-r3h4-6jhm", Aliases: []string{"CVE-2021-23337"}, Summary: "Command Injection in lodash",
			Severity: []osv.Severity{{Type: "CVSS_V3", Score: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}},
			Affected: []osv.Affected{{
				Package: osv.Package{Ecosystem: "npm", Name: "lodash"},
				Ranges:  []osv.Range{{Type: "SEMVER", Events: []osv.Event{{Introduced: "0"}, {Fixed: "4.17.21"}}}},
			}},
		},
		{
			ID: "GHSA-unfixed", Summary: "Prototype pollution\nlong details",
			DatabaseSpecific: []byte(`{"severity":"LOW"}`),
			Affected: []osv.Affected{{
				Package: osv.Package{Ecosystem: "npm", Name: "lodash"},
				Ranges:  []osv.Range{{Type: "SEMVER", Events: []osv.Event{{Introduced: "4.0.0"}}}},
			}},
		},
	}
}

func TestKnown(t *testing.T) {
	mem := matcher.NewMemory(records())
	opensslFinding := report.Finding{
		Check: "vulns/known", Title: knownInfo.Title, Severity: report.SeverityMedium, Item: report.ItemVulns,
		Message: "CVE-2020-1967 in libssl1.1 1.1.1d-r2 (source openssl); fixed in 1.1.1g-r0; severity not rated",
		Evidence: report.Evidence{
			Layer: report.Int(0), LayerDigest: "sha256:aaa", HistoryStep: report.Int(0), Path: "/lib/apk/db/installed",
			Vulnerability: &report.Vulnerability{
				ID: "CVE-2020-1967", Aliases: []string{"ALPINE-CVE-2020-1967"}, Package: "libssl1.1", Installed: "1.1.1d-r2",
				Source: "openssl", Fixed: "1.1.1g-r0", Ecosystem: "Alpine:v3.10",
			},
		},
		Remediation: "Upgrade openssl to 1.1.1g-r0 or later, or rebuild on an updated base image.",
		References:  []string{"https://security.alpinelinux.org/vuln/CVE-2020-1967", "https://osv.dev/vulnerability/CVE-2020-1967"},
	}
	lodashFinding := report.Finding{
		Check: "vulns/known", Title: knownInfo.Title, Severity: report.SeverityHigh, Item: report.ItemVulns,
		Message: "CVE-2021-23337 in lodash 4.17.15: Command Injection in lodash; fixed in 4.17.21; CVSS 7.2",
		Evidence: report.Evidence{
			Layer: report.Int(1), LayerDigest: "sha256:bbb", HistoryStep: report.Int(2), Path: "/app/node_modules/lodash/package.json",
			Vulnerability: &report.Vulnerability{
				ID: "CVE-2021-23337", Aliases: []string{"GHSA-35jh-r3h4-6jhm"}, Package: "lodash", Installed: "4.17.15",
				Fixed: "4.17.21", Ecosystem: "npm", CVSS: "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H",
			},
		},
		Remediation: "Upgrade lodash to 4.17.21 or later, or rebuild on an updated base image.",
		References:  []string{"https://osv.dev/vulnerability/CVE-2021-23337"},
	}
	unfixedFinding := report.Finding{
		Check: "vulns/known", Title: knownInfo.Title, Severity: report.SeverityLow, Item: report.ItemVulns,
		Message: "GHSA-unfixed in lodash 4.17.15: Prototype pollution; no fix yet",
		Evidence: report.Evidence{
			Layer: report.Int(1), LayerDigest: "sha256:bbb", HistoryStep: report.Int(2), Path: "/app/node_modules/lodash/package.json",
			Vulnerability: &report.Vulnerability{ID: "GHSA-unfixed", Package: "lodash", Installed: "4.17.15", Ecosystem: "npm"},
		},
		Remediation: knownInfo.Remediation,
		References:  []string{"https://osv.dev/vulnerability/GHSA-unfixed"},
	}
	info := func(msg string) report.Finding {
		return report.Finding{Check: "vulns/known", Title: knownInfo.Title, Severity: report.SeverityInfo, Item: report.ItemVulns, Message: msg}
	}
	tests := []struct {
		name string
		opts Options
		img  *facts.Image
		want []report.Finding
	}{
		{
			name: "no database",
			img:  &facts.Image{InventoryTaken: true, OS: alpine, Packages: []facts.Package{libssl}},
			want: []report.Finding{info(NoDatabase)},
		},
		{
			name: "no packages",
			opts: Options{Lookup: mem},
			img:  &facts.Image{InventoryTaken: true, OS: alpine},
			want: []report.Finding{info("vulnerabilities not checked: no installed packages were found")},
		},
		{
			name: "no inventory taken",
			opts: Options{Lookup: mem},
			img:  &facts.Image{OS: alpine},
			want: []report.Finding{info("vulnerabilities not checked: no package inventory was taken (--no-inventory)")},
		},
		{
			name: "OS and language packages",
			opts: Options{Lookup: mem},
			img:  &facts.Image{InventoryTaken: true, OS: alpine, Layers: layers, Packages: []facts.Package{libssl, lodash}},
			want: []report.Finding{opensslFinding, lodashFinding, unfixedFinding},
		},
		{
			name: "fixed and unlisted packages do not fire",
			opts: Options{Lookup: mem},
			img: &facts.Image{InventoryTaken: true, OS: alpine, Layers: layers, Packages: []facts.Package{
				{Type: "apk", Name: "libssl1.1", Version: "1.1.1g-r0", Source: "openssl"},
				{Type: "npm", Name: "express", Version: "4.17.1"},
			}},
			want: []report.Finding{info("no known vulnerability in the 2 installed packages")},
		},
		{
			name: "unknown OS is said",
			opts: Options{Lookup: mem},
			img:  &facts.Image{InventoryTaken: true, Layers: layers, Packages: []facts.Package{libssl, lodash}},
			want: []report.Finding{lodashFinding, unfixedFinding, info("1 apk packages not checked for vulnerabilities: the base operating system is unknown")},
		},
		{
			name: "ignore unfixed",
			opts: Options{Lookup: mem, Settings: matcher.Settings{IgnoreUnfixed: true}},
			img:  &facts.Image{InventoryTaken: true, OS: alpine, Layers: layers, Packages: []facts.Package{lodash}},
			want: []report.Finding{lodashFinding, info("1 vulnerability without a fix not reported (--ignore-unfixed): GHSA-unfixed in lodash")},
		},
		{
			name: "ignore file entry expired",
			opts: Options{Lookup: mem, Settings: matcher.Settings{Ignore: mustIgnore(t, "ignore:\n  - id: GHSA-unfixed\n    reason: not used\n    expires: 2025-12-31\n")}},
			img:  &facts.Image{InventoryTaken: true, OS: alpine, Layers: layers, Packages: []facts.Package{lodash}, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
			want: []report.Finding{lodashFinding, unfixedFinding, info("ignore entry GHSA-unfixed expired on 2025-12-31 and no longer suppresses it")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scantest.RunImage(t, Known(tt.opts), tt.img)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func mustIgnore(t *testing.T, y string) []matcher.IgnoreRule {
	t.Helper()
	rules, err := matcher.ParseIgnore([]byte(y))
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// failing is a store that cannot be read.
type failing struct{}

func (failing) LookupMany(context.Context, []matcher.Query) (map[matcher.Query][]*osv.Vulnerability, error) {
	return nil, context.DeadlineExceeded
}

// TestKnownStoreError makes the check fail, so that the report records it
// as not run rather than as clean.
func TestKnownStoreError(t *testing.T) {
	c := Known(Options{Lookup: failing{}})().(*known)
	fs, err := c.CheckImage(context.Background(), &facts.Image{InventoryTaken: true, Packages: []facts.Package{lodash}})
	if err == nil {
		t.Errorf("CheckImage = %v, nil; want an error", fs)
	}
}

func TestChecks(t *testing.T) {
	cs := Checks()
	if len(cs) != 1 || cs[0]().Info().ID != "vulns/known" {
		t.Fatalf("Checks() = %d constructors, want vulns/known", len(cs))
	}
	got := scantest.RunImage(t, cs[0], &facts.Image{InventoryTaken: true, OS: alpine, Packages: []facts.Package{libssl}})
	if len(got) != 1 || got[0].Message != NoDatabase {
		t.Errorf("without a store: %+v, want the no-database note", got)
	}
}
