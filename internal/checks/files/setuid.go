package files

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var setuidInfo = check.Info{
	ID:       "files/setuid",
	Version:  1,
	Title:    "Setuid or setgid file",
	Severity: report.SeverityMedium,
	Item:     report.ItemPrivilege,
	Description: "A setuid or setgid file runs with the privileges of its owner or group, whoever starts it, " +
		"so each one is a way to gain privileges inside the container. Severity: high for a shell, an " +
		"interpreter or a program that starts a shell or writes any file (a setuid shell copy is a classic " +
		"backdoor), and for any setuid file in a temporary or hidden directory; low for the well-known " +
		"setuid programs of a distribution (passwd, su, mount, ping, ...) in their usual directories; " +
		"medium otherwise. Entries that a later layer deleted are still reported, except old copies of " +
		"the well-known programs.",
	Remediation: "Remove the setuid and setgid bits the application does not need " +
		"(RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +), and delete planted copies of shells.",
	References: []string{"CIS Docker Benchmark 4.8", "https://gtfobins.github.io/#+suid"},
}

// shells and interpreters, and programs that start a shell or write any file
// for whoever runs them (GTFOBins): setuid, each one gives its owner's
// privileges to every user.
var shellNames = setOf("sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "csh", "tcsh", "fish", "rbash", "yash",
	"busybox", "toybox", "node", "nodejs", "awk", "gawk", "mawk", "nawk", "expect",
	"env", "find", "xargs", "nice", "timeout", "stdbuf", "taskset", "flock", "setarch", "chroot",
	"vi", "vim", "vim.basic", "vim.tiny", "less", "more", "nmap", "gdb", "strace", "socat", "cp", "dd", "tee")

// interpreterPrefixes match versioned names: python3.11, perl5.36, ruby3.1.
var interpreterPrefixes = []string{"python", "perl", "ruby", "php", "lua", "tclsh"}

// wellKnownSetuid are programs distributions install setuid or setgid on
// purpose.
var wellKnownSetuid = setOf("passwd", "su", "sudo", "sudoedit", "doas", "mount", "umount", "newgrp", "chsh", "chfn",
	"gpasswd", "ping", "ping6", "traceroute6.iputils", "expiry", "chage", "unix_chkpwd", "unix2_chkpwd", "pkexec",
	"crontab", "wall", "write", "bsd-write", "ssh-agent", "ssh-keysign", "dotlockfile", "fusermount", "fusermount3",
	"mount.nfs", "mount.cifs", "newuidmap", "newgidmap", "at", "dbus-daemon-launch-helper", "polkit-agent-helper-1",
	"pam_timestamp_check", "pam_extrausers_chkpwd", "utempter", "Xorg.wrap", "staprun", "pt_chown", "ntfs-3g",
	"chrome-sandbox", "bbsuid", "userhelper", "sg", "ksu", "mlocate", "plocate", "locate")

// setuidHelperDirs hold the helper programs of packages (ssh-keysign,
// dbus-daemon-launch-helper), where setuid files are expected too.
var setuidHelperDirs = []string{"usr/lib", "usr/lib64", "usr/libexec", "lib", "lib64"}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func isShell(name string) bool {
	if shellNames[name] {
		return true
	}
	for _, p := range interpreterPrefixes {
		if strings.HasPrefix(name, p) {
			rest := strings.TrimPrefix(name, p)
			if rest == "" || strings.Trim(rest, "0123456789.") == "" {
				return true
			}
		}
	}
	return false
}

func setuid() check.Constructor {
	return check.File(setuidInfo, func(info check.Info, layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
		if e.Type != facts.TypeFile || e.Mode&(fs.ModeSetuid|fs.ModeSetgid) == 0 {
			return nil
		}
		sev, why := setuidRisk(e)
		if sev == report.SeverityLow && hiddenBy >= 0 {
			// An older copy of passwd or su replaced by an upgrade says nothing.
			return nil
		}
		msg := fmt.Sprintf("%s %s gives %s to any user who runs it: %s%s",
			setuidKind(e.Mode), shown(e.Path), privilege(e), why, hiddenNote(layer, hiddenBy))
		ev := layerEvidence(layer, e.Path, hiddenBy)
		ev.Value = describeMode(e)
		f := info.New(msg, ev)
		f.Severity = sev
		return []report.Finding{f}
	})
}

// setuidRisk grades a setuid or setgid file and says why.
func setuidRisk(e *facts.Entry) (report.Severity, string) {
	name := path.Base(e.Path)
	if isShell(name) {
		return report.SeverityHigh, fmt.Sprintf("%q is a shell, an interpreter or a program that starts one, a classic backdoor", name)
	}
	if d, ok := beneathAny(e.Path, tempDirs); ok {
		return report.SeverityHigh, fmt.Sprintf("it is in the temporary directory /%s, where nothing should be privileged", d)
	}
	if d, ok := dotDir(e.Path, false); ok {
		return report.SeverityHigh, fmt.Sprintf("it is in the hidden directory %s", shown(d))
	}
	if wellKnownSetuid[name] && (inBinDir(e.Path) || inHelperDir(e.Path)) {
		return report.SeverityLow, "a well-known setuid or setgid program; remove it or its bits if the application does not need it"
	}
	return report.SeverityMedium, "not a program distributions install this way; check that it is needed"
}

func inHelperDir(p string) bool {
	_, ok := beneathAny(p, setuidHelperDirs)
	return ok
}

func setuidKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSetuid != 0 && m&fs.ModeSetgid != 0:
		return "setuid and setgid file"
	case m&fs.ModeSetuid != 0:
		return "setuid file"
	}
	return "setgid file"
}

// privilege names what the file grants.
func privilege(e *facts.Entry) string {
	switch {
	case e.Mode&fs.ModeSetuid != 0 && e.UID == 0:
		return "root privileges"
	case e.Mode&fs.ModeSetuid != 0:
		return fmt.Sprintf("the privileges of uid %d", e.UID)
	case e.GID == 0:
		return "the root group"
	}
	return fmt.Sprintf("the privileges of gid %d", e.GID)
}
