package backdoor

import (
	"bytes"
	"regexp"
	"strings"
)

var (
	// antiForensic hides a program or its tracks: immutable files, wiped
	// shell history.
	antiForensic = regexp.MustCompile(`\bchattr\s+(?:-\S+\s+)*[-+=][a-zA-Z]*[ia]|\bhistory\s+-c\b|\bunset\s+HISTFILE\b|\bHISTFILE=/dev/null|\bHISTSIZE=0\b|\bexport\s+HISTFILE=/dev/null`)
	// preloadAssign sets LD_PRELOAD for the processes that follow.
	preloadAssign = regexp.MustCompile(`\bLD_PRELOAD\s*=\s*["']?[^\s"'$]`)
	// killCommand kills processes by name.
	killCommand = regexp.MustCompile(`\b(?:pkill|killall|kill)\b`)
)

// hookLine says what makes one line of a start-up hook suspicious: the
// signs of a backdoor or miner installed to outlive a restart, which the
// files that distributions ship do not have.
func hookLine(line []byte, k lineKinds, pl place) (string, bool) {
	if k.has(kAntiForensic) {
		if m := antiForensic.Find(line); m != nil {
			return "it hides its tracks (" + string(m) + ")", true
		}
	}
	if k.has(kTempPath) {
		cmd := string(line)
		switch pl {
		case placeCrontab:
			cmd, _ = cronCommand(cmd, true)
		case placeUserCron:
			cmd, _ = cronCommand(cmd, false)
		case placeSystemd, placeSupervisor, placeAutostart:
			if c, ok := unitCommand(cmd); ok {
				cmd = c
			}
		}
		for _, prog := range programs(cmd) {
			if tempProgram(prog) {
				return "it runs " + prog + " from a temporary or hidden directory", true
			}
		}
	}
	if k.has(kURL) {
		if why, ok := riskiestHost(line); ok && !strings.HasPrefix(why, "the private") {
			return "it reaches " + why, true
		}
	}
	if k.has(kPreload) && preloadAssign.Match(line) {
		return "it sets LD_PRELOAD, loading a library into the programs it starts", true
	}
	return "", false
}

// standardLibDirs are where distributions install shared libraries.
var standardLibDirs = []string{"/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/", "/lib32/", "/usr/lib32/"}

// preloadEntry judges one library listed in /etc/ld.so.preload: any entry
// is unusual in an image; one outside the library directories, or in a
// temporary or hidden one, is how rootkits such as libprocesshider load.
func preloadEntry(lib string) (string, bool) {
	for _, d := range standardLibDirs {
		if strings.HasPrefix(lib, d) && !tempProgram(lib) && !strings.Contains(lib, "/.") {
			return "", false
		}
	}
	return lib + " is outside the system library directories", true
}

// preloadLines returns the libraries listed in an ld.so.preload file.
func preloadLines(data []byte) []string {
	var out []string
	for _, line := range bytes.Split(data, []byte{'\n'}) {
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, f := range bytes.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == ':' }) {
			out = append(out, string(f))
			if len(out) == maxPerFile {
				return out
			}
		}
	}
	return out
}

// distributionCron are the commands of the crontab entries Debian, Ubuntu
// and Alpine ship: running the cron directories is what cron is for.
var distributionCron = regexp.MustCompile(`^(?:cd\s+/\s*&&\s*)?(?:run-parts\b|test\s+-x\s+/usr/sbin/anacron\b|\[\s+-x\s+/usr/sbin/anacron\b)`)
