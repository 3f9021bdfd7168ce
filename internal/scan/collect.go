package scan

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osrelease"
)

// collectVersion changes whenever the collect predicate changes, so that
// cached layer facts collected under another rule are not reused.
const collectVersion = 2

// maxCollectExec bounds the executables collected by mode alone: start
// scripts are small, and most small programs outside the system directories
// are scripts.
const maxCollectExec = 32 << 10

// collectSet holds the paths always collected: the release files that name
// the base OS and the account databases.
var collectSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range osrelease.Files {
		m[p] = true
	}
	for _, p := range []string{"etc/passwd", "etc/group"} {
		m[p] = true
	}
	return m
}()

// scriptDirs are directories whose files a container's start-up runs: the
// entrypoint.d convention of the official images, supervisord and s6.
var scriptDirs = []string{"etc/supervisor", "etc/s6", "etc/services.d/", "etc/cont-init.d/", "etc/cont-finish.d/"}

// startNames are name prefixes of start scripts, collected when the name
// has no extension (start, run-app) or a shell one.
var startNames = []string{"entrypoint", "docker-entrypoint", "start", "run", "init"}

// bulkDirs hold the files of the distribution and of language packages: a
// script there is a library or a distribution tool, not the image's own
// start-up, and collecting them would cost memory on every image.
var bulkDirs = []string{
	"bin/", "sbin/", "lib/", "lib32/", "lib64/", "libx32/", "proc/", "sys/",
	"usr/bin/", "usr/sbin/", "usr/lib/", "usr/lib32/", "usr/lib64/", "usr/libx32/", "usr/libexec/",
	"usr/share/", "usr/include/", "usr/src/linux", "usr/local/lib/", "usr/local/share/",
	"usr/local/include/", "usr/local/go/",
}

// packageDirs are package trees wherever they appear.
var packageDirs = []string{"node_modules/", "site-packages/", "dist-packages/", ".git/", "vendor/"}

// collect says whether the layer pass keeps the content of e: the release
// and account files, and what the start-up chain may run (small scripts by
// name, directory or mode). It depends on the entry alone, so cached layer
// facts serve every image that shares the layer. e.Size is already within
// the walker's per-file limit.
func collect(e *facts.Entry) bool {
	if e.Type != facts.TypeFile {
		return false
	}
	if collectSet[e.Path] {
		return true
	}
	if inAny(e.Path, packageDirs) {
		return false
	}
	if strings.Contains(e.Path, "docker-entrypoint.d/") || hasAnyPrefix(e.Path, scriptDirs) {
		return true
	}
	if hasAnyPrefix(e.Path, bulkDirs) {
		return false
	}
	name := strings.ToLower(path.Base(e.Path))
	shell := strings.HasSuffix(name, ".sh") || strings.HasSuffix(name, ".bash")
	if shell || (hasAnyPrefix(name, startNames) && !strings.Contains(name, ".")) {
		return true
	}
	return e.Executable() && e.Size <= maxCollectExec
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// inAny reports whether p lies under a directory named by one of dirs (each
// ending in a slash), at the top or deeper.
func inAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(p, d) || strings.Contains(p, "/"+d) {
			return true
		}
	}
	return false
}
