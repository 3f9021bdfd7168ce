package backdoor

import (
	"path"
	"strings"
)

// place is a start-up hook: a file that makes a command run without anyone
// asking for it, at boot, on a schedule, at login or in every process.
type place uint8

const (
	placeNone       place = iota
	placeCrontab          // crontab with a user field: etc/crontab, etc/cron.d
	placeUserCron         // per-user crontabs under var/spool/cron
	placeCronScript       // etc/cron.{hourly,daily,weekly,monthly}
	placeRC               // rc.local, init.d and inittab
	placeProfile          // login shell and profile files
	placeSystemd          // systemd units
	placePreload          // etc/ld.so.preload
	placeMotd             // etc/update-motd.d
	placeAutostart        // etc/xdg/autostart
	placeSupervisor       // supervisord, runit and s6 service definitions
)

// homeRC are the shell start-up files of a home directory.
var homeRC = map[string]bool{
	".bashrc": true, ".profile": true, ".bash_profile": true, ".bash_login": true,
	".bash_logout": true, ".zshrc": true, ".zprofile": true, ".zlogin": true, ".cshrc": true, ".kshrc": true,
}

// placeOf says which start-up hook path is, without allocating.
func placeOf(p string) place {
	dir, base := path.Split(p)
	switch {
	case p == "etc/crontab" || strings.HasPrefix(p, "etc/cron.d/"):
		return placeCrontab
	case strings.HasPrefix(p, "var/spool/cron/"):
		return placeUserCron
	case strings.HasPrefix(p, "etc/cron.") || strings.HasPrefix(p, "etc/periodic/") || p == "etc/anacrontab":
		return placeCronScript
	case p == "etc/rc.local" || strings.HasPrefix(p, "etc/rc.d/") || strings.HasPrefix(p, "etc/init.d/") ||
		p == "etc/inittab" || strings.HasPrefix(p, "etc/local.d/"):
		return placeRC
	case p == "etc/profile" || strings.HasPrefix(p, "etc/profile.d/") || p == "etc/bash.bashrc" || p == "etc/bashrc" ||
		p == "etc/environment" || strings.HasPrefix(p, "etc/zsh/") || strings.HasPrefix(p, "etc/skel/"):
		return placeProfile
	case homeRC[base] && (dir == "root/" || strings.HasPrefix(dir, "home/") && strings.Count(dir, "/") == 2):
		return placeProfile
	case strings.HasPrefix(p, "etc/systemd/") || strings.HasPrefix(p, "lib/systemd/system/") ||
		strings.HasPrefix(p, "usr/lib/systemd/system/") || strings.HasPrefix(p, "etc/init/"):
		return placeSystemd
	case p == "etc/ld.so.preload":
		return placePreload
	case strings.HasPrefix(p, "etc/update-motd.d/"):
		return placeMotd
	case strings.HasPrefix(p, "etc/xdg/autostart/"):
		return placeAutostart
	case strings.HasPrefix(p, "etc/supervisor") || strings.HasPrefix(p, "etc/service/") || strings.HasPrefix(p, "etc/sv/") ||
		strings.HasPrefix(p, "etc/services.d/") || strings.HasPrefix(p, "etc/s6") || strings.HasPrefix(p, "etc/runit/"):
		return placeSupervisor
	}
	return placeNone
}

// when says when a command in this place runs, for a finding's message.
func (pl place) when() string {
	switch pl {
	case placeCrontab, placeUserCron, placeCronScript:
		return "it runs on a schedule (cron)"
	case placeRC:
		return "it runs at boot (init script)"
	case placeProfile:
		return "it runs at every login shell"
	case placeSystemd:
		return "it runs as a systemd service"
	case placePreload:
		return "it is loaded into every dynamically linked process"
	case placeMotd:
		return "it runs at every login (message of the day)"
	case placeAutostart:
		return "it runs at every desktop session"
	case placeSupervisor:
		return "it runs as a supervised service of the container"
	}
	return ""
}

// packageDirs hold the files of language packages; packageTests are the
// directories inside them that hold tests, fixtures and documentation.
var (
	packageDirs  = []string{"node_modules/", "site-packages/", "dist-packages/", "vendor/", "gems/", "usr/share/doc/"}
	packageTests = map[string]bool{
		"test": true, "tests": true, "__tests__": true, "testdata": true, "fixtures": true, "fixture": true,
		"examples": true, "example": true, "spec": true, "docs": true, "doc": true, "samples": true,
	}
)

// packageFixture reports whether p is a test, fixture, example or document
// inside a language package: such files quote attacks to test defences
// against them, and are not run by the image.
func packageFixture(p string) bool {
	in := false
	for _, d := range packageDirs {
		if strings.HasPrefix(p, d) || strings.Contains(p, "/"+d) {
			in = true
			break
		}
	}
	if !in {
		return false
	}
	for rest := p; ; {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return strings.HasSuffix(rest, ".md") || strings.HasSuffix(rest, ".txt")
		}
		if packageTests[rest[:i]] {
			return true
		}
		rest = rest[i+1:]
	}
}
