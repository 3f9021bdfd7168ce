package rpm

import "strings"

// sourceRPM splits the file name of a source package,
// "name-version-release.src.rpm" (or .nosrc.rpm), into the source
// package's name and its version-release. ok is false for a name not of
// that form.
func sourceRPM(file string) (name, versionRelease string, ok bool) {
	base, found := strings.CutSuffix(file, ".src.rpm")
	if !found {
		if base, found = strings.CutSuffix(file, ".nosrc.rpm"); !found {
			return "", "", false
		}
	}
	r := strings.LastIndexByte(base, '-')
	if r <= 0 {
		return "", "", false
	}
	v := strings.LastIndexByte(base[:r], '-')
	if v <= 0 || v+1 == r || r+1 == len(base) {
		return "", "", false
	}
	return base[:v], base[v+1:], true
}
