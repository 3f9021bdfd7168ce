package report

import "cmp"

// Inventory is what the image has installed: OS packages, language
// packages and the modules compiled into its binaries, each with the file
// and layer it was read from.
type Inventory struct {
	Packages []Package `json:"packages"`
	// Removed are packages an earlier layer installed and a later one
	// removed: not installed, though their files may still ship.
	Removed []RemovedPackage `json:"removed,omitempty"`
	// Errors say which package metadata could not be read.
	Errors []string `json:"errors,omitempty"`
}

// Package is one installed package.
type Package struct {
	// Type is the package-URL type: deb, apk, rpm, npm, pypi, golang,
	// maven, gem, cargo or composer.
	Type    string `json:"type"`
	Name    string `json:"name"`
	Version string `json:"version"`
	// Source and SourceVersion name the source package of an OS package.
	Source        string   `json:"source,omitempty"`
	SourceVersion string   `json:"sourceVersion,omitempty"`
	Arch          string   `json:"arch,omitempty"`
	Licenses      []string `json:"licenses,omitempty"`
	// PURL is the package URL (https://github.com/package-url/purl-spec).
	PURL string `json:"purl,omitempty"`
	// Path is the metadata file the package was read from ("/var/lib/dpkg/status",
	// "/app/server" for a binary, "/app.war!WEB-INF/lib/x.jar" inside an
	// archive); Layer the layer holding it.
	Path  string `json:"path"`
	Layer int    `json:"layer"`
	// FoundBy names the reader: dpkg, apk, rpm, npm, python, gobinary...
	FoundBy string `json:"foundBy"`
}

// RemovedPackage is a package a later layer removed.
type RemovedPackage struct {
	Package
	// RemovedBy is the layer that deleted or rewrote its metadata file, or
	// -1 when not known.
	RemovedBy int `json:"removedBy"`
}

// Vulnerability is the evidence of a known-vulnerability finding: which
// package, which record, and the version that fixes it.
type Vulnerability struct {
	// ID is the record's identifier (a CVE where one exists); Aliases the
	// other identifiers of the same vulnerability, merged into this one.
	ID      string   `json:"id"`
	Aliases []string `json:"aliases,omitempty"`
	// Package and Installed name what is vulnerable; Source the source
	// package it was matched through (apk origin, dpkg Source).
	Package   string `json:"package"`
	Installed string `json:"installed"`
	Source    string `json:"source,omitempty"`
	// Fixed is the first version that fixes it; empty when no fix exists.
	Fixed string `json:"fixed,omitempty"`
	// Ecosystem is the OSV ecosystem the match was made in ("Alpine:v3.10").
	Ecosystem string `json:"ecosystem"`
	PURL      string `json:"purl,omitempty"`
	// CVSS is the vector the severity was scored from, if any.
	CVSS string `json:"cvss,omitempty"`
}

// ComparePackages orders packages by type, name, version, path, layer and
// package URL, the order in which every format lists them.
func ComparePackages(a, b Package) int {
	return cmp.Or(
		cmp.Compare(a.Type, b.Type),
		cmp.Compare(a.Name, b.Name),
		cmp.Compare(a.Version, b.Version),
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Layer, b.Layer),
		cmp.Compare(a.PURL, b.PURL),
	)
}
