package vulns

import (
	"errors"
	"fmt"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
)

// Target is a package as the vulnerability databases name it.
type Target struct {
	Ecosystem string
	Name      string
	Version   string
}

// Ecosystem names package p of an image whose base system is os in OSV
// terms: the ecosystem, the package name records use (the source package
// for Debian, Ubuntu and Alpine; the PEP 503 name for PyPI) and the
// version to place in their ranges. ok is false when no OSV ecosystem
// covers the package.
func Ecosystem(p facts.Package, os facts.OS) (eco, name, version string, ok bool) {
	t, err := target(p, os)
	if err != nil {
		return "", "", "", false
	}
	return t.Ecosystem, t.Name, t.Version, true
}

// target is Ecosystem with the reason a package is not covered.
func target(p facts.Package, os facts.OS) (Target, error) {
	if p.Name == "" || p.Version == "" {
		return Target{}, errors.New("the package metadata gives no name or version")
	}
	switch p.Type {
	case "deb":
		eco, err := debEcosystem(os)
		if err != nil {
			return Target{}, err
		}
		name, ver := source(p)
		return Target{eco, name, ver}, nil
	case "apk":
		eco, err := apkEcosystem(os)
		if err != nil {
			return Target{}, err
		}
		name, ver := source(p)
		return Target{eco, name, ver}, nil
	case "rpm":
		eco, err := rpmEcosystem(os)
		if err != nil {
			return Target{}, err
		}
		return Target{eco, p.Name, p.Version}, nil
	case "golang":
		ver, err := goVersion(p.Name, p.Version)
		if err != nil {
			return Target{}, err
		}
		return Target{"Go", p.Name, ver}, nil
	case "pypi":
		return Target{"PyPI", osv.PackageKey("PyPI", p.Name), p.Version}, nil
	}
	if eco, ok := languageEcosystems[p.Type]; ok {
		return Target{eco, p.Name, p.Version}, nil
	}
	return Target{}, fmt.Errorf("no vulnerability database covers %s packages", p.Type)
}

// languageEcosystems maps the purl types whose names and versions OSV uses
// unchanged to their OSV ecosystem.
var languageEcosystems = map[string]string{
	"npm":      "npm",
	"maven":    "Maven",
	"gem":      "RubyGems",
	"cargo":    "crates.io",
	"composer": "Packagist",
	"nuget":    "NuGet",
}

// source returns the source package an OS package was built from and its
// version, which is what Debian, Ubuntu and Alpine advisories name.
func source(p facts.Package) (name, version string) {
	name, version = p.Name, p.Version
	if p.Source != "" {
		name = p.Source
	}
	if p.SourceVersion != "" {
		version = p.SourceVersion
	}
	return name, version
}
