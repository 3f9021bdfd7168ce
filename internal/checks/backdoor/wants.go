package backdoor

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

const (
	// maxScript bounds the scripts read: programs worth hiding a backdoor
	// in are small, and bigger text is data.
	maxScript = 1 << 20
	// maxExecutable bounds the executables read without a script name:
	// they are read to find scripts, most are ELF files and are skipped.
	maxExecutable = 256 << 10
)

// scriptExt are the extensions of scripts.
var scriptExt = map[string]bool{
	".sh": true, ".bash": true, ".zsh": true, ".ksh": true, ".py": true, ".pl": true, ".php": true,
	".rb": true, ".cgi": true, ".service": true, ".timer": true, ".desktop": true,
}

// wantsScript decides by path, mode and size whether a file is a script or
// start-up hook worth reading.
func wantsScript(e *facts.Entry) bool {
	if e.Type != facts.TypeFile || e.Size <= 0 || e.Size > maxScript {
		return false
	}
	if placeOf(e.Path) != placeNone {
		return true
	}
	base := path.Base(e.Path)
	if scriptExt[path.Ext(base)] {
		return !strings.HasPrefix(e.Path, "usr/share/") && !languageStdlib(e.Path)
	}
	return e.Mode&0o111 != 0 && e.Size <= maxExecutable
}

// languageStdlib reports whether p is in the standard library a language
// runtime installs (usr/lib/python3.11/, usr/local/lib/python3.12/,
// usr/share/perl/...), outside its package directories: the runtime's own
// files, many megabytes of them, are not the image author's scripts.
func languageStdlib(p string) bool {
	rest, ok := strings.CutPrefix(p, "usr/lib/")
	if !ok {
		rest, ok = strings.CutPrefix(p, "usr/local/lib/")
	}
	if !ok || !(strings.HasPrefix(rest, "python") || strings.HasPrefix(rest, "perl") || strings.HasPrefix(rest, "ruby")) {
		return false
	}
	return !strings.Contains(rest, "-packages/") && !strings.Contains(rest, "/gems/")
}
