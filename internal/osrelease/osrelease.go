// Package osrelease identifies the base operating system of an image from its
// release files (os-release, alpine-release, debian_version, redhat-release).
package osrelease

import "github.com/customs-oss/customs/internal/facts"

// Files lists the paths, relative to the root, whose content Detect reads.
var Files = []string{
	"etc/os-release",
	"usr/lib/os-release",
	"etc/alpine-release",
	"etc/debian_version",
	"etc/redhat-release",
	"etc/centos-release",
	"etc/system-release",
	"etc/lsb-release",
}

// Detect names the base OS of img from the release files in its merged
// filesystem.
func Detect(img *facts.Image) facts.OS {
	return facts.OS{}
}
