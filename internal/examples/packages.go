package examples

import (
	"archive/tar"
	"fmt"
	"os"
	"strings"
)

// Package counts of the large image: a Debian base, a Node.js application
// and a Python tool chain, about what a real application image holds.
const (
	largeDebs   = 450
	largeNPM    = 1500
	largePython = 250
)

// packageEntries are the package metadata of the large image: a dpkg
// database, node_modules and site-packages, and a real Go program (this
// one) as the application binary, so that the inventory and vulnerability
// matching are measured on realistic input.
func packageEntries() ([]entry, error) {
	var status strings.Builder
	for i := range largeDebs {
		fmt.Fprintf(&status, "Package: libbench%d\nStatus: install ok installed\nPriority: optional\nSection: libs\n"+
			"Installed-Size: %d\nMaintainer: Debian Bench <bench@example.org>\nArchitecture: amd64\n"+
			"Multi-Arch: same\nSource: bench%d (%d.%d-%d)\nVersion: %d.%d-%d+b1\nDepends: libc6 (>= 2.34)\n"+
			"Description: benchmark library %d\n a library that stands for one of a Debian base's packages\n\n",
			i, 100+i, i/3, 1+i%7, i%11, 1+i%3, 1+i%7, i%11, 1+i%3, i)
	}
	out := []entry{
		dir("var/"), dir("var/lib/"), dir("var/lib/dpkg/"), file("var/lib/dpkg/status", status.String()),
		dir("app/"), dir("app/node_modules/"),
	}
	for i := range largeNPM {
		name := fmt.Sprintf("bench-module-%d", i)
		if i%5 == 0 {
			name = fmt.Sprintf("@bench/scoped-%d", i)
			out = append(out, dir("app/node_modules/@bench/"))
		}
		out = append(out, file("app/node_modules/"+name+"/package.json", fmt.Sprintf(
			`{"name":%q,"version":"%d.%d.%d","description":"a module of the benchmark application","main":"index.js",`+
				`"license":"MIT","repository":{"type":"git","url":"https://example.org/%s.git"},"dependencies":{}}`,
			name, i%9, i%17, i%5, name)))
	}
	site := "usr/lib/python3/dist-packages/"
	for i := range largePython {
		out = append(out, file(fmt.Sprintf("%sbench_dist_%d-%d.%d.dist-info/METADATA", site, i, 1+i%4, i%10), fmt.Sprintf(
			"Metadata-Version: 2.1\nName: bench-dist-%d\nVersion: %d.%d\nSummary: a distribution of the benchmark\n"+
				"License: BSD-3-Clause\nRequires-Python: >=3.8\n\nA long description.\n", i, 1+i%4, i%10)))
	}
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding a Go program for the image: %w", err)
	}
	prog, err := os.ReadFile(self)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", self, err)
	}
	return append(out, dir("opt/"), dir("opt/app/"), dir("opt/app/bin/"), exe("opt/app/bin/server", string(prog))), nil
}

// writePackages adds the package metadata to the first layer.
func writePackages(tw *tar.Writer) error {
	es, err := packageEntries()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var uniq []entry
	for _, e := range es {
		if !seen[e.path] {
			seen[e.path] = true
			uniq = append(uniq, e)
		}
	}
	return writeEntries(tw, uniq)
}
