package miner

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/wallet"
)

var walletInfo = check.Info{
	ID:       "miner/wallet",
	Version:  1,
	Title:    "Cryptocurrency wallet address",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Finds cryptocurrency wallet addresses whose checksum is valid (Monero and other CryptoNote " +
		"coins, Bitcoin, Litecoin, Dogecoin, Ravencoin, Dash, Zcash, segwit addresses, EIP-55 Ethereum " +
		"addresses) in scripts, configuration, start-up files and dotfiles, and in the image's environment, " +
		"command, entrypoint and history. A wallet alone is high severity: it says where mined coins go; " +
		"with a pool, a miner option or a miner program in the same file (or the same image metadata) it is " +
		"critical. Ethereum addresses without a checksum count only in that company. Addresses are shown " +
		"shortened.",
	Remediation: "Find out why the image carries a wallet address; if a miner uses it, do not use this image.",
	References:  []string{"https://attack.mitre.org/techniques/T1496/"},
}

type walletChecker struct{ m *matcher }

func walletCheck() check.Check { return walletChecker{m: sharedMatcher()} }

func (walletChecker) Info() check.Info { return walletInfo }

func (walletChecker) Wants(e *facts.Entry) bool { return textWanted(e) }

func (c walletChecker) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if sniff(data) != formatText {
		return nil, nil
	}
	ws := wallet.Find(data)
	if len(ws) == 0 {
		return nil, nil
	}
	mining := c.m.scan(data).any(scheme, pool, flag, program)
	f, ok := walletFinding("/"+e.Path, ws, mining, fileEvidence(e, ""))
	if !ok {
		return nil, nil
	}
	return []report.Finding{f}, nil
}

func (c walletChecker) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	texts := metadata(img)
	mining := false
	for _, t := range texts {
		if !t.label && c.m.scan([]byte(t.text)).any(scheme, pool, flag, program) {
			mining = true
		}
	}
	var out []report.Finding
	for _, t := range texts {
		if t.label {
			continue
		}
		if f, ok := walletFinding("the image's "+t.where, wallet.Find([]byte(t.text)), mining, t.ev); ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// walletFinding reports the wallets found at where, critical when mining
// indicators keep them company. Weak addresses count only then.
func walletFinding(where string, ws []wallet.Address, mining bool, ev report.Evidence) (report.Finding, bool) {
	var names []string
	for _, w := range ws {
		if w.Weak && !mining {
			continue
		}
		names = appendNew(names, w.String())
	}
	if len(names) == 0 {
		return report.Finding{}, false
	}
	ev.Value = list(names, 3)
	noun := "a wallet address"
	if len(names) > 1 {
		noun = "wallet addresses"
	}
	if mining {
		return walletInfo.New(fmt.Sprintf("%s holds %s (%s) next to mining pool or miner indicators: mined coins are paid there; %s", where, noun, list(names, 3), why), ev), true
	}
	f := walletInfo.New(fmt.Sprintf("%s holds %s (%s) with a valid checksum: images rarely need one, and it is where a miner's coins are paid", where, noun, list(names, 3)), ev)
	f.Severity = report.SeverityHigh
	return f, true
}
