package miner

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Size bounds of the files each kind of check reads.
const (
	maxText   = 1 << 20   // scripts and configuration files
	maxNoExt  = 256 << 10 // files without an extension, read as possible scripts
	maxWeb    = 8 << 20   // web content
	maxBinary = 64 << 20  // executables and archives (the scanner passes at most its content limit)
)

// docPath reports documentation, whose mentions of miners are not miners.
func docPath(p string) bool {
	switch path.Ext(p) {
	case ".md", ".markdown", ".rst", ".adoc", ".html.md", ".txt.gz", ".1", ".5", ".8", ".gz.md":
		return true
	}
	return strings.HasPrefix(p, "usr/share/doc/") || strings.HasPrefix(p, "usr/share/man/") ||
		strings.HasPrefix(p, "usr/share/info/") || strings.Contains(p, "/doc/") || strings.Contains(p, "/docs/")
}

// testPath reports test and example trees, where fake keys, sample
// configurations and protocol fixtures live (the allow list of secret
// scanners such as gitleaks).
func testPath(p string) bool {
	for _, d := range [...]string{"test/", "tests/", "__tests__/", "testdata/", "fixtures/", "fixture/", "examples/", "example/", "spec/", "samples/"} {
		if strings.HasPrefix(p, d) || strings.Contains(p, "/"+d) {
			return true
		}
	}
	return false
}

// libraryPath reports the trees package managers install libraries into:
// their sources mention protocols and services by name, and miners hidden
// there are found by their programs, not their words.
func libraryPath(p string) bool {
	for _, d := range [...]string{"node_modules/", "site-packages/", "dist-packages/", "vendor/", "gems/", "usr/share/", "usr/include/"} {
		if strings.HasPrefix(p, d) || strings.Contains(p, "/"+d) {
			return true
		}
	}
	return strings.HasPrefix(p, "usr/lib/python") || strings.HasPrefix(p, "usr/lib/ruby") || strings.HasPrefix(p, "usr/share/perl")
}

// startupDir reports the places whose files run at boot, on a schedule or
// at login.
func startupDir(p string) bool {
	for _, d := range [...]string{"etc/cron", "var/spool/cron/", "etc/systemd/", "lib/systemd/", "usr/lib/systemd/",
		"etc/init.d/", "etc/rc", "etc/profile", "etc/supervisor", "etc/xdg/autostart/", "etc/bash", "root/", "home/"} {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	return false
}

// scriptExt and configExt are the extensions of files read as text.
func scriptExt(ext string) bool {
	switch ext {
	case ".sh", ".bash", ".zsh", ".ksh", ".py", ".pl", ".rb", ".php", ".ps1", ".bat", ".cmd", ".js", ".mjs", ".cjs", ".lua":
		return true
	}
	return false
}

func configExt(ext string) bool {
	switch ext {
	case ".json", ".conf", ".cfg", ".cnf", ".ini", ".yaml", ".yml", ".toml", ".env", ".service", ".timer", ".socket", ".desktop", ".plist":
		return true
	}
	return false
}

// textWanted is the selection of the checks that read scripts and
// configuration: pool, wallet and cli-flags.
func textWanted(e *facts.Entry) bool {
	if e.Size == 0 || e.Size > maxText || docPath(e.Path) || testPath(e.Path) || libraryPath(e.Path) {
		return false
	}
	base := path.Base(e.Path)
	ext := path.Ext(base)
	switch {
	case scriptExt(ext), configExt(ext), startupDir(e.Path), e.Executable(), strings.HasPrefix(base, "."):
		return true
	case ext == "":
		return e.Size <= maxNoExt
	}
	return false
}

// archiveName reports the archive formats the binary check opens.
func archiveName(base string) bool {
	for _, s := range [...]string{".tar.gz", ".tgz", ".gz", ".zip", ".tar"} {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	return false
}

// sharedObject reports library names (libx.so, libx.so.1.2).
func sharedObject(base string) bool {
	return strings.HasSuffix(base, ".so") || strings.Contains(base, ".so.")
}

// binaryWanted is the selection of the miner program check: executables
// and libraries of any name, archives, files without an extension and
// anything in the temporary directories droppers use.
func binaryWanted(e *facts.Entry) bool {
	if e.Size < 4 || e.Size > maxBinary || docPath(e.Path) {
		return false
	}
	base := path.Base(e.Path)
	switch {
	case e.Executable(), sharedObject(base):
		return true
	case archiveName(base):
		return !strings.HasPrefix(e.Path, "usr/share/")
	case strings.HasPrefix(e.Path, "tmp/"), strings.HasPrefix(e.Path, "var/tmp/"), strings.HasPrefix(e.Path, "dev/shm/"):
		return true
	case path.Ext(base) == "":
		return !strings.HasPrefix(e.Path, "usr/share/")
	}
	return false
}
