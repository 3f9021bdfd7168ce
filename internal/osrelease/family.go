package osrelease

import "strings"

// families maps distribution IDs to the family customs groups them in. The
// family says which package database and security data apply: rhel covers
// Fedora and every RHEL rebuild, whose packages are RPMs maintained the same
// way; wolfi covers Chainguard's images, which are built from it.
var families = map[string]string{
	"alpine":              "alpine",
	"postmarketos":        "alpine",
	"debian":              "debian",
	"ubuntu":              "debian",
	"raspbian":            "debian",
	"devuan":              "debian",
	"kali":                "debian",
	"linuxmint":           "debian",
	"pop":                 "debian",
	"elementary":          "debian",
	"pureos":              "debian",
	"rhel":                "rhel",
	"centos":              "rhel",
	"rocky":               "rhel",
	"almalinux":           "rhel",
	"ol":                  "rhel",
	"fedora":              "rhel",
	"amzn":                "rhel",
	"scientific":          "rhel",
	"cloudlinux":          "rhel",
	"eurolinux":           "rhel",
	"navylinux":           "rhel",
	"circle":              "rhel",
	"suse":                "suse",
	"sles":                "suse",
	"sled":                "suse",
	"sle-micro":           "suse",
	"sl-micro":            "suse",
	"opensuse":            "suse",
	"opensuse-leap":       "suse",
	"opensuse-tumbleweed": "suse",
	"opensuse-microos":    "suse",
	"arch":                "arch",
	"archarm":             "arch",
	"manjaro":             "arch",
	"endeavouros":         "arch",
	"wolfi":               "wolfi",
	"chainguard":          "wolfi",
}

// family returns the family of a distribution from its ID, then from the
// IDs it declares itself like, closest first. A distribution customs does not
// know, and which names no known relative, is a family of its own.
func family(id, like string) string {
	if f, ok := families[id]; ok {
		return f
	}
	for _, l := range strings.Fields(strings.ToLower(like)) {
		if f, ok := families[l]; ok {
			return f
		}
	}
	return id
}
