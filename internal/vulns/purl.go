package vulns

import (
	"net/url"

	"github.com/package-url/packageurl-go"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
)

// parsePURL reads a package URL, "pkg:type/namespace/name@version?qualifiers#subpath";
// qualifiers and subpath do not matter for naming a package.
func parsePURL(s string) (packageurl.PackageURL, bool) {
	u, err := packageurl.FromString(s)
	return u, err == nil && u.Name != ""
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// names reports whether the package URL names package p: same type, same
// name (with the namespace where it is part of the name: Maven group, npm
// scope, Go module path, Composer vendor) and, when it has one, the same
// version. The namespace of OS packages is the distribution, which the
// image already fixes.
func names(u packageurl.PackageURL, p facts.Package) bool {
	if u.Type != p.Type {
		return false
	}
	if u.Version != "" && u.Version != p.Version {
		return false
	}
	switch p.Type {
	case "deb", "apk", "rpm":
		return u.Name == p.Name
	case "maven":
		return u.Namespace+":"+u.Name == p.Name
	case "pypi":
		return osv.PackageKey("PyPI", u.Name) == osv.PackageKey("PyPI", p.Name)
	}
	if u.Namespace != "" {
		return u.Namespace+"/"+u.Name == p.Name
	}
	return u.Name == p.Name
}
