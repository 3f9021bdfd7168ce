package miner

import (
	"bytes"
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/wallet"
)

var cliFlagsInfo = check.Info{
	ID:       "miner/cli-flags",
	Version:  1,
	Title:    "Miner command line",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds miner command lines in the image's command, entrypoint, environment and history and " +
		"in scripts, start-up files and configuration: xmrig's and cpuminer's options (--donate-level, " +
		"--cpu-max-threads-hint, --randomx-mode, --max-cpu-usage, -a cryptonight, -a rx/0, --coin monero) and " +
		"a pool given to -o or --url as a stratum URL. One miner option needs a second sign (another option, a " +
		"pool, a wallet or a miner program name); a stratum URL after -o is enough.",
	Remediation: "Do not use this image. Remove the miner and the command that starts it, and find out how they got in.",
	References:  []string{"https://xmrig.com/docs/miner/command-line-options", "https://attack.mitre.org/techniques/T1496/"},
}

type cliFlagsCheck struct{ m *matcher }

func cliFlags() check.Check { return cliFlagsCheck{m: sharedMatcher()} }

func (cliFlagsCheck) Info() check.Info { return cliFlagsInfo }

func (cliFlagsCheck) Wants(e *facts.Entry) bool { return textWanted(e) }

func (c cliFlagsCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if sniff(data) != formatText {
		return nil, nil
	}
	signs, ok := c.commandLine(data)
	if !ok {
		return nil, nil
	}
	msg := fmt.Sprintf("/%s runs a miner (%s): %s", e.Path, list(signs, 5), why)
	return []report.Finding{cliFlagsInfo.New(msg, fileEvidence(e, list(signs, 6)))}, nil
}

func (c cliFlagsCheck) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	var out []report.Finding
	for _, t := range metadata(img) {
		if t.label {
			continue
		}
		signs, ok := c.commandLine([]byte(t.text))
		if !ok {
			continue
		}
		ev := t.ev
		ev.Value = list(signs, 6)
		out = append(out, cliFlagsInfo.New(fmt.Sprintf("the image's %s runs a miner (%s): %s", t.where, list(signs, 5), why), ev))
	}
	return out, nil
}

// poolOptions are the options that take the pool URL.
var poolOptions = [][]byte{[]byte("-o "), []byte("-o="), []byte("--url "), []byte("--url="), []byte("-o\t")}

// commandLine decides whether text holds a miner command line and returns
// the signs that say so.
func (c cliFlagsCheck) commandLine(text []byte) ([]string, bool) {
	h := c.m.scan(text)
	_, _, flags := h.score(flag)
	signs := flags
	urlOption := false
	for _, x := range h.find(scheme) {
		before := text[max(0, x.offset-8):x.offset]
		for _, o := range poolOptions {
			if bytes.HasSuffix(bytes.TrimRight(before, " \t\"'"), bytes.TrimRight(o, " \t=")) || bytes.HasSuffix(before, o) {
				urlOption = true
			}
		}
	}
	if urlOption {
		signs = append(signs, "-o "+list(poolsIn(h, text), 2))
	}
	_, _, programs := h.score(program)
	other := h.any(scheme, pool) || len(programs) > 0
	if !other {
		for _, w := range wallet.Find(text) {
			if !w.Weak {
				other = true
				signs = append(signs, "wallet "+w.String())
				break
			}
		}
	}
	return signs, urlOption || len(flags) >= 2 || (len(flags) == 1 && other)
}
