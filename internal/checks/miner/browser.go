package miner

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var browserInfo = check.Info{
	ID:       "miner/browser",
	Version:  1,
	Title:    "Browser cryptocurrency miner",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds browser miners in web content (.js, .mjs, .html, .htm, .php and .wasm files): CoinHive " +
		"and its clones (CoinHive.Anonymous, new Client.Anonymous(, CryptoLoot), the scripts and hosts of " +
		"coinhive.com, authedmine.com, crypto-loot.com, JSEcoin, webminepool, CoinImp, minero.cc, and " +
		"CryptoNight WebAssembly modules. Such a page mines in the browser of every visitor. Installed npm " +
		"packages are left out unless the package is itself a known miner.",
	Remediation: "Remove the mining script from the web content and find out how it got there; treat the site as compromised.",
	References:  []string{"https://attack.mitre.org/techniques/T1496/"},
}

type browserCheck struct{ m *matcher }

func browser() check.Check { return browserCheck{m: sharedMatcher()} }

func (browserCheck) Info() check.Info { return browserInfo }

// minerPackages are npm packages that are browser or Node miners.
var minerPackages = [...]string{"node_modules/coinhive/", "node_modules/coin-hive/", "node_modules/cryptoloot/",
	"node_modules/webminerpool/", "node_modules/eazyminer/", "node_modules/deepminer/", "node_modules/browsermine/"}

func (browserCheck) Wants(e *facts.Entry) bool {
	if e.Size < 8 || e.Size > maxWeb || testPath(e.Path) || docPath(e.Path) {
		return false
	}
	switch path.Ext(e.Path) {
	case ".js", ".mjs", ".html", ".htm", ".php", ".wasm":
	default:
		return false
	}
	if !strings.Contains(e.Path, "node_modules/") {
		return true
	}
	for _, p := range minerPackages {
		if strings.Contains(e.Path, p) {
			return true
		}
	}
	return false
}

func (c browserCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	kinds := []kind{browserMiner}
	switch sniff(data) {
	case formatWasm:
		kinds = append(kinds, program)
	case formatText:
	default:
		return nil, nil
	}
	total, strongest, labels := c.m.scan(data).score(kinds...)
	if !conclusive(total, strongest, labels) {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s is a browser miner (%s): it mines in the browser of every visitor, for someone else's profit", e.Path, list(labels, 5))
	return []report.Finding{browserInfo.New(msg, fileEvidence(e, list(labels, 6)))}, nil
}
