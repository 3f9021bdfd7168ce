package dpkg

import (
	"errors"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// packages lists the installed packages of a status file. noStatus says
// that stanzas without a Status field are installed (status.d entries).
// A stanza naming no package or version is reported in the error and the
// others are still listed.
func packages(data []byte, noStatus bool) ([]facts.Package, error) {
	var pkgs []facts.Package
	var errs []error
	err := parseStanzas(data, func(s stanza) error {
		if s.hasStatus || !noStatus {
			if !installed(s.status) {
				return nil
			}
		}
		if s.pkg == "" || s.version == "" {
			errs = append(errs, fmt.Errorf("stanza at line %d: no Package or Version", s.line))
			return nil
		}
		p := facts.Package{Type: "deb", Name: s.pkg, Version: s.version, Arch: s.arch}
		if s.source != "" {
			p.Source, p.SourceVersion = source(s.source, s.version)
		}
		pkgs = append(pkgs, p)
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return pkgs, errors.Join(errs...)
}

// installed reports whether a Status field ("want flag status") says the
// package's files are on disk: every status but not-installed and
// config-files, where only configuration files remain. A package held
// ("hold ok installed"), marked for removal but not yet removed
// ("deinstall ok installed"), or half-configured still ships its code.
func installed(status string) bool {
	f := strings.Fields(status)
	if len(f) != 3 {
		return false
	}
	switch f[2] {
	case "installed", "triggers-pending", "triggers-awaited", "half-configured", "unpacked", "half-installed":
		return true
	}
	return false
}

// source splits a Source field, "name" or "name (version)", into the
// source package's name and version; the version defaults to the binary
// package's, as dpkg's does.
func source(field, version string) (string, string) {
	name, rest, ok := strings.Cut(field, " ")
	if !ok {
		return name, version
	}
	rest = strings.TrimSpace(rest)
	if v, ok := strings.CutPrefix(rest, "("); ok {
		if v, ok := strings.CutSuffix(v, ")"); ok && strings.TrimSpace(v) != "" {
			return name, strings.TrimSpace(v)
		}
	}
	return name, version
}
