package facts

// Package is one installed package found in an image: an OS package from a
// package manager's database, a language package from its metadata, or a
// module compiled into a binary.
type Package struct {
	// Type is the package-URL type: deb, apk, rpm, npm, pypi, golang,
	// maven, gem, cargo or composer.
	Type string
	// Name is the package's name as its ecosystem spells it (for Maven
	// "group:artifact"; for Go the module path, "stdlib" for the toolchain).
	Name    string
	Version string
	// Source and SourceVersion name the source package an OS package was
	// built from (dpkg Source, apk origin, rpm source RPM); empty when it is
	// the package itself.
	Source        string
	SourceVersion string
	// Arch is the architecture an OS package was built for.
	Arch string
	// Licenses are the licence names or expressions the metadata declares.
	Licenses []string
	// Path is the file the package was read from: the package database, a
	// package.json, a binary; Layer the layer that holds that file (set by
	// the merge).
	Path  string
	Layer int
	// Via names what found the package: dpkg, apk, rpm, npm, npm-lock (an
	// application's package-lock.json, npm-shrinkwrap.json or yarn.lock),
	// python, binary (Go modules and cargo-auditable crates in
	// executables), java, gem, composer.
	Via string
}

// RemovedPackage is a package an earlier layer installed and a later one
// removed: it is not installed, but its files may still ship in the image.
type RemovedPackage struct {
	Package
	// RemovedBy is the layer that deleted or rewrote the file the package
	// was read from.
	RemovedBy int
}
