package purl

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"

	"github.com/customs-oss/customs/internal/facts"
)

// rpmVendor maps an os-release ID to the namespace of its rpm package URLs,
// the vendor names the purl specification's examples use.
func rpmVendor(id string) string {
	switch id {
	case "rhel":
		return "redhat"
	case "ol":
		return "oracle"
	case "amzn":
		return "amazon"
	case "opensuse-leap", "opensuse-tumbleweed":
		return "opensuse"
	case "sles", "sled", "sle-micro", "sl-micro":
		return "suse"
	}
	// centos, fedora, rocky, almalinux, opensuse and the others are their
	// own vendors.
	return id
}

// deb builds pkg:deb/<debian|ubuntu|...>/name@version?arch=&distro=<id>-<version>.
func deb(p facts.Package, os facts.OS) packageurl.PackageURL {
	vendor := os.ID
	if vendor == "" || (os.Family != "" && os.Family != "debian") {
		vendor = "debian"
	}
	q := packageurl.Qualifiers{{Key: "arch", Value: p.Arch}, {Key: "distro", Value: distro(vendor, os.VersionID)}}
	if p.Source != "" && p.Source != p.Name {
		upstream := p.Source
		if p.SourceVersion != "" && p.SourceVersion != p.Version {
			upstream += "@" + p.SourceVersion
		}
		q = append(q, packageurl.Qualifier{Key: "upstream", Value: upstream})
	}
	return packageurl.PackageURL{Namespace: vendor, Name: p.Name, Version: p.Version, Qualifiers: q}
}

// apk builds pkg:apk/alpine/name@version?arch=&distro=<VERSION_ID>.
func apk(p facts.Package, os facts.OS) packageurl.PackageURL {
	vendor := os.ID
	if vendor == "" || (os.Family != "" && os.Family != "alpine") {
		vendor = "alpine"
	}
	q := packageurl.Qualifiers{{Key: "arch", Value: p.Arch}, {Key: "distro", Value: os.VersionID}}
	return packageurl.PackageURL{Namespace: vendor, Name: p.Name, Version: p.Version, Qualifiers: q}
}

// rpm builds pkg:rpm/<vendor>/name@version-release?arch=&epoch=&distro=,
// moving the epoch of "epoch:version-release" into its qualifier.
func rpm(p facts.Package, os facts.OS) packageurl.PackageURL {
	vendor := rpmVendor(os.ID)
	version, epoch := p.Version, ""
	if e, rest, ok := strings.Cut(p.Version, ":"); ok && isDigits(e) {
		version, epoch = rest, e
	}
	q := packageurl.Qualifiers{
		{Key: "arch", Value: p.Arch},
		{Key: "epoch", Value: epoch},
		{Key: "distro", Value: distro(os.ID, os.VersionID)},
	}
	return packageurl.PackageURL{Namespace: vendor, Name: p.Name, Version: version, Qualifiers: q}
}

// distro is "<id>-<version>", or "" when the version is unknown.
func distro(id, version string) string {
	if id == "" || version == "" {
		return ""
	}
	return id + "-" + version
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
