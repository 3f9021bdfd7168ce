// Package osrelease identifies the base operating system of an image from its
// release files (os-release, alpine-release, debian_version, redhat-release
// and friends) and from what its merged filesystem holds.
package osrelease

// Files lists the paths, relative to the root, whose content Detect reads. The
// scanner collects them during the layer pass.
var Files = []string{
	"etc/os-release",
	"usr/lib/os-release",
	"etc/alpine-release",
	"etc/debian_version",
	"etc/oracle-release",
	"etc/centos-release",
	"etc/redhat-release",
	"etc/system-release",
	"etc/lsb-release",
}
