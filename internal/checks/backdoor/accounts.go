package backdoor

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

var accountsInfo = check.Info{
	ID:       "backdoor/accounts",
	Version:  1,
	Title:    "Backdoor account in /etc/passwd or /etc/shadow",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "Distributions ship one account with UID 0 (root) and lock the passwords of all their accounts " +
		"(* or ! in /etc/shadow). A second UID 0 account is a hidden root login: critical. An account that can " +
		"log in with an empty password field (in /etc/shadow, or in /etc/passwd itself as in root::0:0) lets " +
		"anyone in through su, a console or an SSH server that permits empty passwords: high. A password hash " +
		"stored in /etc/passwd, readable by every user, can be cracked offline and shows the file was edited " +
		"by hand: medium. Every layer's copy is read, including ones a later layer replaced.",
	Remediation: "Remove the extra account or lock it (passwd -l, usermod -L), and find which build step " +
		"added it. Give service users no password and a nologin shell.",
	References: []string{
		"https://attack.mitre.org/techniques/T1136/001/",
		"https://man7.org/linux/man-pages/man5/shadow.5.html",
	},
}

func accounts() check.Constructor {
	return func() check.Check { return accountsCheck{} }
}

// accountsCheck reads every layer's /etc/passwd and /etc/shadow.
type accountsCheck struct{}

func (accountsCheck) Info() check.Info { return accountsInfo }

// Wants selects /etc/passwd and /etc/shadow.
func (accountsCheck) Wants(e *facts.Entry) bool {
	return e.Type == facts.TypeFile && e.Size <= maxScript && (e.Path == "etc/passwd" || e.Path == "etc/shadow")
}

// CheckContent reports the backdoor accounts of one passwd or shadow file.
func (accountsCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if !isText(data) {
		return nil, nil
	}
	var out []report.Finding
	add := func(a account, sev report.Severity, why string) {
		if len(out) == maxPerFile {
			return
		}
		f := accountsInfo.New(fmt.Sprintf("/%s line %d: %s", e.Path, a.line, why), report.Evidence{Path: "/" + e.Path, Value: shownAccount(a)})
		f.Severity = sev
		out = append(out, f)
	}
	if e.Path == "etc/shadow" {
		for _, a := range parseAccounts(data, true) {
			if a.password == "" {
				add(a, report.SeverityHigh, fmt.Sprintf("account %q has an empty password: anyone can log in as it wherever its shell allows", shown(a.name)))
			}
		}
		return out, nil
	}
	roots := 0
	for _, a := range parseAccounts(data, false) {
		if a.uid == "0" {
			roots++
		}
	}
	for _, a := range parseAccounts(data, false) {
		switch {
		case a.uid == "0" && a.name != "root" && roots > 1:
			add(a, report.SeverityCritical, fmt.Sprintf("account %q has UID 0: a second root login", shown(a.name)))
		case a.password == "" && a.canLogin():
			add(a, report.SeverityHigh, fmt.Sprintf("account %q has an empty password field and the shell %s: it logs in without a password", shown(a.name), shown(a.shell)))
		case looksHashed(a.password):
			add(a, report.SeverityMedium, fmt.Sprintf("account %q has its password hash in /etc/passwd, readable by every user", shown(a.name)))
		}
	}
	return out, nil
}

// shownAccount shows an account line without its password field.
func shownAccount(a account) string {
	pw := a.password
	if pw != "" && !locked(pw) {
		pw = redact.Mask
	}
	if a.uid == "" {
		return shown(a.name + ":" + pw)
	}
	return shown(a.name + ":" + pw + ":" + a.uid + ":...:" + a.shell)
}
