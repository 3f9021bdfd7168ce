package miner

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var poolInfo = check.Info{
	ID:       "miner/pool",
	Version:  1,
	Title:    "Mining pool address",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds mining pool addresses: stratum URLs (stratum+tcp://, stratum+ssl://, stratum+tls://, " +
		"stratum2+tcp://) and the domains of known mining pools (a list of about 60 pools drawn from public " +
		"pool lists and the Falco project's rules; subdomains match, look-alike names do not) in scripts, " +
		"configuration files, start-up files and dotfiles, and in the image's environment, command, " +
		"entrypoint, labels and history. Documentation, test trees and installed libraries are left out: a " +
		"library that speaks the stratum protocol is not a miner.",
	Remediation: "Do not use this image. Find the miner that connects to this pool and how it got into the image.",
	References:  []string{"https://attack.mitre.org/techniques/T1496/", "https://en.bitcoin.it/wiki/Stratum_mining_protocol"},
}

type poolChecker struct{ m *matcher }

func poolCheck() check.Check { return poolChecker{m: sharedMatcher()} }

func (poolChecker) Info() check.Info { return poolInfo }

func (poolChecker) Wants(e *facts.Entry) bool { return textWanted(e) }

func (c poolChecker) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if sniff(data) != formatText {
		return nil, nil
	}
	found := c.pools(data)
	if len(found) == 0 {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s names the mining pool %s: a program that connects to it mines for someone else; %s", e.Path, list(found, 3), why)
	return []report.Finding{poolInfo.New(msg, fileEvidence(e, list(found, 5)))}, nil
}

func (c poolChecker) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	var out []report.Finding
	for _, t := range metadata(img) {
		found := c.pools([]byte(t.text))
		if len(found) == 0 {
			continue
		}
		ev := t.ev
		ev.Value = redact.Text(list(found, 5))
		out = append(out, poolInfo.New(fmt.Sprintf("the image's %s names the mining pool %s: %s", t.where, list(found, 3), why), ev))
	}
	return out, nil
}

// pools returns the stratum URLs (as written, up to the end of the host
// and port) and pool domains found in text.
func (c poolChecker) pools(text []byte) []string {
	return poolsIn(c.m.scan(text), text)
}

// poolsIn names the pools among hits: the stratum URLs (as written, up
// to the end of the host and port) and the known pool domains that are
// not already part of one of those URLs.
func poolsIn(h hits, text []byte) []string {
	var found []string
	var spans [][2]int
	for _, x := range h.find(scheme) {
		end := x.offset + len(h.m.patterns[x.pattern].literal)
		for end < len(text) && end-x.offset < 200 && urlChar(text[end]) {
			end++
		}
		found = appendNew(found, string(text[x.offset:end]))
		spans = append(spans, [2]int{x.offset, end})
	}
	for _, x := range h.find(pool) {
		inside := false
		for _, s := range spans {
			inside = inside || (x.offset >= s[0] && x.offset < s[1])
		}
		if !inside {
			found = appendNew(found, h.m.patterns[x.pattern].label)
		}
	}
	return found
}

// urlChar reports the bytes of a pool URL's authority (host and port,
// and a "user:pass@" part, which the caller redacts).
func urlChar(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return false
	}
	switch c {
	case '"', '\'', '/', ';', ',', ')', '(', '<', '>', '`', '\\':
		return false
	}
	return true
}
