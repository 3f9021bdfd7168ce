package vulns

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	matcher "github.com/customs-oss/customs/internal/vulns"
)

// maxSummary bounds the summary quoted in a finding's message.
const maxSummary = 200

var knownInfo = check.Info{
	ID:       "vulns/known",
	Version:  1,
	Title:    "Known vulnerability in an installed package",
	Severity: report.SeverityMedium,
	Item:     report.ItemVulns,
	Description: "An installed package (OS package, language package or module compiled into a binary) " +
		"is a version that a published advisory lists as vulnerable. Packages are matched in the " +
		"OSV ecosystem of the image's distribution or language, OS packages through their source package.",
	Remediation: "Upgrade the package to the fixed version, or rebuild on an updated base image; " +
		"if the vulnerability does not apply, say why in a VEX document or the ignore file.",
	References: []string{"https://osv.dev", "https://openvex.dev"},
}

// NoDatabase is the message of the finding that says the check did not run.
const NoDatabase = "vulnerabilities not checked: no vulnerability database (run customs db update, or customs db import PATH)"

// Known returns the constructor of the check vulns/known with opts.
func Known(opts Options) check.Constructor {
	return func() check.Check { return &known{opts: opts} }
}

type known struct {
	opts Options
}

func (c *known) Info() check.Info { return knownInfo }

// SetEnv implements check.EnvSetter: the scan lends the store and the
// suppression settings, unless the check was built with its own.
func (c *known) SetEnv(env check.Env) {
	if c.opts.Lookup == nil {
		c.opts = Options{Lookup: env.VulnDB, Settings: env.Vulns}
	}
}

// CheckImage reports one finding per vulnerable package and vulnerability,
// and an informational finding for every package kind that could not be
// checked and every group of suppressed vulnerabilities.
func (c *known) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	if !img.InventoryTaken {
		return []report.Finding{note("vulnerabilities not checked: no package inventory was taken (--no-inventory)")}, nil
	}
	if c.opts.Lookup == nil {
		return []report.Finding{note(NoDatabase)}, nil
	}
	if len(img.Packages) == 0 {
		return []report.Finding{note("vulnerabilities not checked: no installed packages were found")}, nil
	}
	ms, notes, err := matcher.Find(ctx, c.opts.Lookup, img)
	if err != nil {
		return nil, fmt.Errorf("matching installed packages: %w", err)
	}
	kept, _, filterNotes := matcher.Filter(ms, c.opts.Settings, img)
	out := make([]report.Finding, 0, len(kept)+len(notes)+len(filterNotes))
	for _, m := range kept {
		out = append(out, finding(img, m))
	}
	for _, n := range append(notes, filterNotes...) {
		out = append(out, note(n))
	}
	if len(out) == 0 {
		out = append(out, note(fmt.Sprintf("no known vulnerability in the %d installed packages", len(img.Packages))))
	}
	return out, nil
}

// note is an informational finding that says what was not checked or not
// reported.
func note(msg string) report.Finding {
	f := knownInfo.New(msg, report.Evidence{})
	f.Severity = report.SeverityInfo
	f.Remediation = ""
	f.References = nil
	return f
}

// finding reports match m.
func finding(img *facts.Image, m matcher.Match) report.Finding {
	p := m.Package
	ev := report.Evidence{
		Layer: report.Int(p.Layer),
		Path:  "/" + strings.TrimPrefix(p.Path, "/"),
		Vulnerability: &report.Vulnerability{
			ID: m.ID, Aliases: m.Aliases, Package: p.Name, Installed: p.Version,
			Fixed: m.Fixed, Ecosystem: m.Ecosystem, CVSS: m.CVSS,
		},
	}
	if bySource(m) {
		ev.Vulnerability.Source = m.Name
	}
	for _, l := range img.Layers {
		if l.Index == p.Layer {
			ev.LayerDigest = l.Digest
			if l.HistoryStep >= 0 {
				ev.HistoryStep = report.Int(l.HistoryStep)
			}
		}
	}
	f := knownInfo.New(message(m), ev)
	f.Severity = m.Severity
	f.References = m.References
	if m.Fixed != "" {
		f.Remediation = fmt.Sprintf("Upgrade %s to %s or later, or rebuild on an updated base image.", m.Name, m.Fixed)
	}
	return f
}

// message reads "CVE-2020-1967 in libssl1.1 1.1.1d-r2 (source openssl):
// <summary>; fixed in 1.1.1g-r0".
func message(m matcher.Match) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s %s", m.ID, m.Package.Name, m.Package.Version)
	if bySource(m) {
		fmt.Fprintf(&b, " (source %s)", m.Name)
	}
	if s := strings.TrimSuffix(oneLine(m.Summary), "."); s != "" {
		b.WriteString(": " + s)
	}
	if m.Fixed != "" {
		b.WriteString("; fixed in " + m.Fixed)
	} else {
		b.WriteString("; no fix yet")
	}
	if !m.Rated {
		b.WriteString("; severity not rated")
	} else if m.CVSS != "" {
		fmt.Fprintf(&b, "; CVSS %.1f", m.Score)
	}
	return b.String()
}

// oneLine is the first line of s, at most maxSummary bytes, cut on a rune.
func oneLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	s = strings.TrimSpace(s)
	if len(s) <= maxSummary {
		return s
	}
	cut := maxSummary
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// bySource reports whether m was matched through the package's source
// package (dpkg Source, apk origin) rather than its own name.
func bySource(m matcher.Match) bool {
	return m.Package.Source != "" && m.Package.Source != m.Package.Name && m.Name == m.Package.Source
}
