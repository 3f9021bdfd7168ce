package files

import (
	"path"
	"strings"
)

// tempDirs are the directories any user may write to at run time; files
// planted there are a classic place to stage and hide tools.
var tempDirs = []string{"tmp", "var/tmp", "dev/shm"}

// binDirs hold the programs found through the default PATH.
var binDirs = []string{"bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin"}

// under reports whether p is dir itself or lies beneath it.
func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// beneathAny reports whether p lies strictly beneath one of dirs, and which.
func beneathAny(p string, dirs []string) (string, bool) {
	for _, d := range dirs {
		if strings.HasPrefix(p, d+"/") {
			return d, true
		}
	}
	return "", false
}

// inBinDir reports whether p is a file directly in one of the PATH directories.
func inBinDir(p string) bool {
	dir := path.Dir(p)
	for _, d := range binDirs {
		if dir == d {
			return true
		}
	}
	return false
}

// dotDir returns the shortest leading part of p whose last element starts
// with a dot, when that part is a directory: either p lies beneath it, or p
// is itself a directory (isDir). "tmp/.x/sh" gives "tmp/.x"; the dot file
// "etc/.pwd.lock" gives nothing.
func dotDir(p string, isDir bool) (string, bool) {
	start := 0
	for start < len(p) {
		end := strings.IndexByte(p[start:], '/')
		last := end < 0
		if last {
			end = len(p)
		} else {
			end += start
		}
		if p[start] == '.' && (!last || isDir) {
			return p[:end], true
		}
		start = end + 1
	}
	return "", false
}
