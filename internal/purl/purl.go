// Package purl builds package URLs (https://github.com/package-url/purl-spec)
// for the packages customs finds in an image, so that an inventory can be
// matched against vulnerability data and exchanged in SBOMs.
package purl

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"

	"github.com/customs-oss/customs/internal/facts"
)

// For returns the package URL of p, installed on the operating system os, in
// canonical form (qualifiers sorted, empty ones left out). It returns "" when
// p has no name or a type customs does not know.
//
// OS packages are qualified with their architecture and distribution; a
// Debian package built from another source package names it in upstream.
// Go module paths keep their case: they are case-sensitive, and the
// specification only warns about upper-case namespaces.
func For(p facts.Package, os facts.OS) string {
	if p.Name == "" {
		return ""
	}
	var u packageurl.PackageURL
	switch p.Type {
	case packageurl.TypeDebian:
		u = deb(p, os)
	case packageurl.TypeApk:
		u = apk(p, os)
	case packageurl.TypeRPM:
		u = rpm(p, os)
	case packageurl.TypeNPM:
		u = scoped(p, "@")
	case packageurl.TypeComposer:
		u = scoped(p, "")
	case packageurl.TypeMaven:
		u = maven(p)
	case packageurl.TypeGolang:
		u = golang(p)
	case packageurl.TypePyPi, packageurl.TypeGem, packageurl.TypeCargo:
		u = packageurl.PackageURL{Name: p.Name, Version: p.Version}
	default:
		return ""
	}
	u.Type = p.Type
	namespace, name := u.Namespace, u.Name
	if err := u.Normalize(); err != nil {
		// The types above have no rule a name or version could break, and
		// the qualifier keys are fixed: an error here means p is unusable.
		return ""
	}
	if p.Type == packageurl.TypeGolang {
		u.Namespace, u.Name = strings.Trim(namespace, "/"), name
	}
	return u.ToString()
}

// scoped splits "@scope/name" (npm) or "vendor/name" (composer) at the
// first slash; marker is the prefix a namespace must start with, if any.
func scoped(p facts.Package, marker string) packageurl.PackageURL {
	u := packageurl.PackageURL{Name: p.Name, Version: p.Version}
	if ns, name, ok := strings.Cut(p.Name, "/"); ok && strings.HasPrefix(ns, marker) && name != "" {
		u.Namespace, u.Name = ns, name
	}
	return u
}

// maven splits "group:artifact"; an artifact without a known group has no
// namespace.
func maven(p facts.Package) packageurl.PackageURL {
	u := packageurl.PackageURL{Name: p.Name, Version: p.Version}
	if group, artifact, ok := strings.Cut(p.Name, ":"); ok && artifact != "" {
		u.Namespace, u.Name = group, artifact
	}
	return u
}

// golang splits a module path at its last slash: the namespace is the path
// up to it. The toolchain's standard library is pkg:golang/stdlib.
func golang(p facts.Package) packageurl.PackageURL {
	u := packageurl.PackageURL{Name: p.Name, Version: p.Version}
	if i := strings.LastIndexByte(p.Name, '/'); i >= 0 && i < len(p.Name)-1 {
		u.Namespace, u.Name = p.Name[:i], p.Name[i+1:]
	}
	return u
}
