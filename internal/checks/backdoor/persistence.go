package backdoor

import (
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/report"
)

var persistenceInfo = check.Info{
	ID:       "backdoor/persistence",
	Version:  1,
	Title:    "Start-up hook with the signs of a backdoor",
	Severity: report.SeverityHigh,
	Item:     report.ItemMalicious,
	Description: "Cron jobs, rc.local and init scripts, profile and shell rc files, systemd units, supervisord, " +
		"runit and s6 services, update-motd.d, XDG autostart entries and /etc/ld.so.preload make commands run " +
		"without anyone asking. Distribution packages ship many of them, so their presence is not a finding: " +
		"their content is. High when a hook runs a program from /tmp, /var/tmp, /dev/shm or a hidden directory, " +
		"hides its tracks (chattr +i, history -c, HISTFILE=/dev/null), reaches a raw IP address or a dynamic " +
		"DNS, tunnel or paste host, sets LD_PRELOAD, or when /etc/ld.so.preload lists a library; critical when " +
		"it names a miner (or kills competing ones, as Kinsing does) or preloads a library from outside the " +
		"system library directories. A reverse shell or a dropper in a hook is reported once, by " +
		"backdoor/reverse-shell or backdoor/dropper, at critical severity, naming the hook. Other cron entries " +
		"are listed at info severity as a record of what runs on a schedule. Every layer is read, including " +
		"files a later layer deleted.",
	Remediation: "Find which build step added the hook (the layer is named) and what it runs. Images should not " +
		"schedule or preload anything of their own: a container runs one process, started by its ENTRYPOINT. " +
		"Do not run an image with an unexplained hook; rebuild it from a trusted base.",
	References: []string{
		"https://attack.mitre.org/techniques/T1053/003/",
		"https://attack.mitre.org/techniques/T1574/006/",
		"https://attack.mitre.org/techniques/T1546/004/",
	},
}

// persistence is the content check of the family: the single pass over
// scripts and start-up hooks. Besides its own findings it reports the
// reverse shells, droppers and sshd launches it reads, under the IDs of
// those checks, so that each file is searched once; its Version covers
// their content rules too.
func persistence() check.Constructor {
	return func() check.Check { return &scriptScan{eng: newEngine()} }
}
