// Package backdoor holds the checks that look for ways into a container that
// its publisher left behind, on purpose or not: planted SSH keys and extra
// root accounts, reverse shells, droppers that fetch or decode a payload and
// run it, and start-up hooks (cron, rc files, systemd units, ld.so.preload)
// that keep them running.
//
// Files are read once, during the layer pass: one multi-pattern search over
// each wanted file finds the candidate tokens of every detector, and only the
// lines around a hit are verified.
package backdoor

import "github.com/customs-oss/customs/internal/check"

// Checks returns the constructors of the backdoor checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		reverseShell(),
		dropper(),
		persistence(),
		authorizedKeys(),
		accounts(),
		sshd(),
	}
}
