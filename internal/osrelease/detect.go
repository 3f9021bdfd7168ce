package osrelease

import (
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/surface"
)

// osReleasePaths are read in the order the specification gives: a system's
// etc/os-release overrides the vendor's usr/lib/os-release.
var osReleasePaths = []string{"etc/os-release", "usr/lib/os-release"}

// packageDatabases are the files and directories an OS package manager
// keeps its records in. Distroless images keep one (dpkg's status.d holds a
// file per package) so that scanners can list their packages.
var packageDatabases = []string{
	"var/lib/dpkg/status",
	"var/lib/dpkg/status.d",
	"lib/apk/db/installed",
	"var/lib/rpm/Packages",
	"var/lib/rpm/rpmdb.sqlite",
	"usr/lib/sysimage/rpm/rpmdb.sqlite",
	"usr/lib/sysimage/rpm/Packages.db",
	"var/lib/pacman/local",
}

// Detect names the base OS of img from the release files in its merged
// filesystem: os-release first, then the older files of each family
// (alpine-release, redhat-release, lsb-release, debian_version). It marks as
// distroless an image that has a package database but neither a shell nor a
// package manager on the standard PATH, and as scratch one that has no
// release file, no package database, no shell and no package manager.
func Detect(img *facts.Image) facts.OS {
	if img == nil || img.FS == nil {
		return facts.OS{}
	}
	o, _ := identify(img)
	shell := surface.Has(img.FS, surface.KindShell)
	manager := surface.Has(img.FS, surface.KindPackageManager)
	db := anyExists(img.FS, packageDatabases)
	if db && !shell && !manager {
		o.Distroless = true
	}
	if o.ID == "" && !db && !shell && !manager && !anyExists(img.FS, Files) {
		o.Scratch = true
	}
	return o
}

// Source returns the path of the release file Detect names the OS from,
// relative to the root, or "" when no file identifies it. Checks use it as
// evidence.
func Source(img *facts.Image) string {
	if img == nil || img.FS == nil {
		return ""
	}
	_, p := identify(img)
	return p
}

// identify reads the release files in order of authority and returns the OS
// the first usable one describes, with its path.
func identify(img *facts.Image) (facts.OS, string) {
	for _, p := range osReleasePaths {
		if b, ok := img.Read(p); ok {
			if o, ok := fromOSRelease(b); ok {
				return o, p
			}
		}
	}
	for _, f := range fallbacks {
		if b, ok := img.Read(f.path); ok {
			if o, ok := f.parse(b); ok {
				return o, f.path
			}
		}
	}
	return facts.OS{}, ""
}

// fromOSRelease reads an os-release file. A file without an ID is not
// trusted to name the OS: the older release files may still do it.
func fromOSRelease(b []byte) (facts.OS, bool) {
	m, _ := Parse(b)
	id := cleanID(m["ID"])
	if id == "" {
		return facts.OS{}, false
	}
	o := facts.OS{
		ID:         id,
		VersionID:  clean(m["VERSION_ID"], maxIDLen),
		PrettyName: cleanName(m["PRETTY_NAME"]),
		Family:     family(id, clean(m["ID_LIKE"], maxNameLen)),
	}
	if o.PrettyName == "" {
		o.PrettyName = cleanName(strings.TrimSpace(m["NAME"] + " " + m["VERSION"]))
	}
	// Google's distroless images ship Debian's identity under this name.
	o.Distroless = strings.Contains(strings.ToLower(o.PrettyName), "distroless")
	return o, true
}

// anyExists reports whether any of paths is present in fs, following
// symlinks.
func anyExists(fs *facts.FS, paths []string) bool {
	for _, p := range paths {
		if _, ok := fs.Resolve(p); ok {
			return true
		}
	}
	return false
}
