package backdoor

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var authorizedKeysInfo = check.Info{
	ID:       "backdoor/authorized-keys",
	Version:  1,
	Title:    "SSH key planted in the image",
	Severity: report.SeverityCritical,
	Item:     report.ItemMalicious,
	Description: "An authorized_keys file lets whoever holds the matching private key log in over SSH, in every " +
		"container of the image, without a password. Critical for root (/root/.ssh), system-wide files under " +
		"/etc/ssh and the home directories of service accounts (any .ssh directory outside /home); high for " +
		"users under /home; low for a key file outside any SSH directory. Every layer is read: a key a later " +
		"layer deleted still ships, and was there when earlier layers ran. The finding names the key type, its " +
		"SHA256 fingerprint (as ssh-keygen -l prints it) and its comment, never the key. The SSH server's " +
		"configuration is read too: PermitEmptyPasswords yes is high, PermitRootLogin yes medium, and an " +
		"AuthorizedKeysFile or AuthorizedKeysCommand in a temporary or hidden directory high. Test fixtures " +
		"of language packages are skipped.",
	Remediation: "Remove the key and find out whose it is (compare the fingerprint with ssh-keygen -lf). Keys " +
		"belong in a secret mounted at run time, not in an image. Treat an image with an unknown root key as " +
		"compromised.",
	References: []string{
		"https://attack.mitre.org/techniques/T1098/004/",
		"https://man.openbsd.org/sshd_config",
	},
}

func authorizedKeys() check.Constructor {
	return func() check.Check { return keysCheck{} }
}

// keysCheck reads authorized_keys files and the SSH server configuration.
type keysCheck struct{}

func (keysCheck) Info() check.Info { return authorizedKeysInfo }

// keyFileName reports whether p is named like an authorized_keys file.
func keyFileName(p string) bool {
	base := path.Base(p)
	return base == "authorized_keys" || base == "authorized_keys2" ||
		strings.HasPrefix(p, "etc/ssh/") && strings.Contains(p, "/authorized_keys")
}

// sshdConfigName reports whether p is the SSH server's configuration.
func sshdConfigName(p string) bool {
	return p == "etc/ssh/sshd_config" || strings.HasPrefix(p, "etc/ssh/sshd_config.d/")
}

// Wants selects authorized_keys files and sshd_config by name.
func (keysCheck) Wants(e *facts.Entry) bool {
	return e.Type == facts.TypeFile && e.Size > 0 && e.Size <= maxScript &&
		(keyFileName(e.Path) || sshdConfigName(e.Path))
}

// CheckContent reports the keys of an authorized_keys file, or the risky
// settings of sshd_config.
func (keysCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	if sshdConfigName(e.Path) {
		return sshdConfigFindings(e, data), nil
	}
	if packageFixture(e.Path) || !isText(data) {
		return nil, nil
	}
	keys := parseAuthorizedKeys(data)
	if len(keys) == 0 {
		return nil, nil
	}
	whose, sev := keyOwner(e.Path)
	var out []report.Finding
	for i, k := range keys {
		if i == maxPerFile {
			break
		}
		msg := fmt.Sprintf("/%s line %d: %s key %s (comment %q) lets its holder log in %s", e.Path, k.line, k.typ, k.fingerprint, shown(k.comment), whose)
		if k.options != "" {
			msg += fmt.Sprintf("; options: %s", shown(k.options))
		}
		f := authorizedKeysInfo.New(msg, report.Evidence{Path: "/" + e.Path, Value: k.typ + " " + k.fingerprint})
		f.Severity = sev
		out = append(out, f)
	}
	return out, nil
}

// keyOwner says whose login an authorized_keys path opens, and how serious
// that is.
func keyOwner(p string) (string, report.Severity) {
	switch {
	case strings.HasPrefix(p, "root/.ssh/"):
		return "as root", report.SeverityCritical
	case strings.HasPrefix(p, "etc/ssh/"):
		return "through the system-wide SSH configuration", report.SeverityCritical
	case strings.HasPrefix(p, "home/") && strings.Count(p, "/") == 3 && strings.Contains(p, "/.ssh/"):
		user := strings.SplitN(p, "/", 3)[1]
		return "as user " + user, report.SeverityHigh
	case strings.Contains(p, "/.ssh/") || strings.HasPrefix(p, ".ssh/"):
		return "as the service account whose home is /" + p[:strings.Index(p, ".ssh/")], report.SeverityCritical
	}
	return "if it is copied into an SSH directory (it is not in one)", report.SeverityLow
}
