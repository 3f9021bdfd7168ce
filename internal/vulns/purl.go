package vulns

import (
	"net/url"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
)

// purl is the part of a package URL that names a package.
type purl struct {
	typ, namespace, name, version string
}

// parsePURL reads "pkg:type/namespace/name@version?qualifiers#subpath",
// dropping qualifiers and subpath.
func parsePURL(s string) (purl, bool) {
	rest, ok := strings.CutPrefix(s, "pkg:")
	if !ok {
		return purl{}, false
	}
	rest, _, _ = strings.Cut(rest, "#")
	rest, _, _ = strings.Cut(rest, "?")
	rest = strings.TrimLeft(rest, "/")
	typ, rest, ok := strings.Cut(rest, "/")
	if !ok || typ == "" {
		return purl{}, false
	}
	p := purl{typ: strings.ToLower(typ)}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		p.version, rest = unescape(rest[i+1:]), rest[:i]
	}
	rest = strings.Trim(rest, "/")
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		p.namespace, rest = unescape(rest[:i]), rest[i+1:]
	}
	p.name = unescape(rest)
	return p, p.name != ""
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
func (u purl) names(p facts.Package) bool {
	if u.typ != p.Type {
		return false
	}
	if u.version != "" && u.version != p.Version {
		return false
	}
	switch p.Type {
	case "deb", "apk", "rpm":
		return u.name == p.Name
	case "maven":
		return u.namespace+":"+u.name == p.Name
	case "pypi":
		return osv.PackageKey("PyPI", u.name) == osv.PackageKey("PyPI", p.Name)
	}
	if u.namespace != "" {
		return u.namespace+"/"+u.name == p.Name
	}
	return u.name == p.Name
}
