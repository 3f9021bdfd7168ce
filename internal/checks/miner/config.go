package miner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/wallet"
)

var configInfo = check.Info{
	ID:       "miner/config",
	Version:  1,
	Title:    "Cryptocurrency miner configuration",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds miner configuration files in JSON (xmrig's config.json and the cpuminer format): a " +
		"\"pools\" list or a top-level pool whose url is a stratum URL or a known mining pool, together with " +
		"what only a miner configures (donate-level, randomx, an algorithm, a wallet as the user). Any file " +
		"name counts; test and example trees are left out.",
	Remediation: "Do not use this image. Remove the configuration and the miner it belongs to, and find out how " +
		"they got into the image.",
	References: []string{"https://xmrig.com/docs/miner/config", "https://attack.mitre.org/techniques/T1496/"},
}

type configCheck struct{ m *matcher }

func config() check.Check { return configCheck{m: sharedMatcher()} }

func (configCheck) Info() check.Info { return configInfo }

func (configCheck) Wants(e *facts.Entry) bool {
	if e.Size < 2 || e.Size > maxText || docPath(e.Path) || testPath(e.Path) {
		return false
	}
	base := path.Base(e.Path)
	return path.Ext(base) == ".json" || base == "config"
}

// minerPool is one pool entry of a miner configuration.
type minerPool struct {
	URL  string `json:"url"`
	User string `json:"user"`
	Algo string `json:"algo"`
	Coin string `json:"coin"`
}

// minerConfig is the part of xmrig's and cpuminer's configuration that
// tells a miner's.
type minerConfig struct {
	minerPool
	Pools       []minerPool     `json:"pools"`
	DonateLevel json.RawMessage `json:"donate-level"`
	RandomX     json.RawMessage `json:"randomx"`
	CPU         json.RawMessage `json:"cpu"`
}

func (c configCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if !bytes.Contains(data, []byte(`"pools"`)) && !bytes.Contains(data, []byte(`"url"`)) {
		return nil, nil
	}
	var cfg minerConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		// Not JSON (or JSON with comments, which xmrig accepts): judge
		// by the keys only a miner configuration has together.
		if bytes.Contains(data, []byte(`"pools"`)) && bytes.Contains(data, []byte(`"donate-level"`)) && bytes.Contains(data, []byte(`"url"`)) {
			return []report.Finding{configInfo.New(fmt.Sprintf("/%s is a miner configuration (pools, donate-level): %s", e.Path, why),
				fileEvidence(e, "keys: pools, donate-level, url"))}, nil
		}
		return nil, nil
	}
	pools := cfg.Pools
	if cfg.URL != "" {
		pools = append(pools, cfg.minerPool)
	}
	var signs, targets []string
	for _, p := range pools {
		if p.URL == "" {
			continue
		}
		if c.poolURL(p.URL) {
			signs = appendNew(signs, "pool URL")
		}
		if ws := wallet.Find([]byte(p.User)); len(ws) > 0 && !ws[0].Weak {
			signs = appendNew(signs, "wallet as user")
			targets = append(targets, fmt.Sprintf("%s as %s", redact.Text(clip(p.URL)), ws[0]))
		} else {
			targets = append(targets, redact.Text(clip(p.URL)))
		}
		if p.Algo != "" || p.Coin != "" {
			signs = appendNew(signs, "algorithm or coin")
		}
	}
	if len(targets) == 0 {
		return nil, nil
	}
	if len(cfg.DonateLevel) > 0 {
		signs = appendNew(signs, "donate-level")
	}
	if len(cfg.RandomX) > 0 {
		signs = appendNew(signs, "randomx")
	}
	if len(cfg.Pools) > 0 && len(cfg.CPU) > 0 {
		signs = appendNew(signs, "cpu")
	}
	if len(signs) < 2 {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s is a miner configuration (%s) mining at %s: %s", e.Path, strings.Join(signs, ", "), list(targets, 3), why)
	return []report.Finding{configInfo.New(msg, fileEvidence(e, list(targets, 3)))}, nil
}

// poolURL reports whether a configured pool is a stratum URL or names a
// known pool domain.
func (c configCheck) poolURL(u string) bool {
	return c.m.scan([]byte(u)).any(scheme, pool)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// clip bounds a value taken from the image for a report.
func clip(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}
