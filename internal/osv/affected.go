package osv

import (
	"fmt"
	"slices"

	"github.com/customs-oss/customs/internal/version"
)

// Contains reports whether version ver of a's package is affected: listed in
// a.Versions, or inside one of its ECOSYSTEM or SEMVER ranges. When it is
// inside a range, fixed is the first version of that range that fixes it, or
// "" when no fix closes it. GIT ranges are skipped: an installed package
// carries no commit. Withdrawn records are for the caller to drop.
func (a Affected) Contains(ver string) (affected bool, fixed string, err error) {
	cmp := a.comparer("ECOSYSTEM")
	for _, v := range a.Versions {
		if v == ver {
			return true, "", nil
		}
		if c, err := cmp(v, ver); err == nil && c == 0 {
			return true, "", nil
		}
	}
	for i, r := range a.Ranges {
		if r.Type != "ECOSYSTEM" && r.Type != "SEMVER" {
			continue
		}
		in, fix, err := r.contains(ver, a.comparer(r.Type))
		if err != nil {
			return false, "", fmt.Errorf("range %d of %s package %q: %w", i, a.Package.Ecosystem, a.Package.Name, err)
		}
		if in {
			return true, fix, nil
		}
	}
	return false, "", nil
}

// comparer returns the ordering for ranges of type typ: semantic versioning
// for SEMVER, except in Go whose ordering also reads toolchain versions such
// as "go1.21.3", and the ecosystem's own otherwise.
func (a Affected) comparer(typ string) func(x, y string) (int, error) {
	eco := BaseEcosystem(a.Package.Ecosystem)
	if typ == "SEMVER" && eco != "Go" {
		return version.CompareSemVer
	}
	return func(x, y string) (int, error) { return version.Compare(eco, x, y) }
}

// boundary is one event of a range with its kind and version.
type boundary struct {
	kind    int
	version string
}

// Kinds of boundary, in the order used to break ties between equal versions.
const (
	introduced = iota
	fixed
	lastAffected
	limit
)

// contains walks the events of r in version order: an introduced event
// opens the range at its version, fixed and limit close it before theirs,
// last_affected closes it after its own.
func (r Range) contains(ver string, cmp func(x, y string) (int, error)) (bool, string, error) {
	events, err := r.sorted(cmp)
	if err != nil {
		return false, "", err
	}
	in, next := false, len(events)
	for i, e := range events {
		c := 1 // how ver compares with e.version; "0" opens at the bottom
		if e.version != "0" || e.kind != introduced {
			if c, err = cmp(ver, e.version); err != nil {
				return false, "", err
			}
		}
		if e.kind == lastAffected && c <= 0 || e.kind != lastAffected && c < 0 {
			next = i
			break
		}
		in = e.kind == introduced
	}
	if !in {
		return false, "", nil
	}
	for _, e := range events[next:] {
		if e.kind != introduced {
			if e.kind == fixed {
				return true, e.version, nil
			}
			return true, "", nil
		}
	}
	return true, "", nil
}

// sorted returns the events of r ordered by version, introduced "0" first.
func (r Range) sorted(cmp func(x, y string) (int, error)) ([]boundary, error) {
	events := make([]boundary, 0, len(r.Events))
	for _, e := range r.Events {
		switch {
		case e.Introduced != "":
			events = append(events, boundary{introduced, e.Introduced})
		case e.Fixed != "":
			events = append(events, boundary{fixed, e.Fixed})
		case e.LastAffected != "":
			events = append(events, boundary{lastAffected, e.LastAffected})
		case e.Limit != "":
			events = append(events, boundary{limit, e.Limit})
		}
	}
	var errs []error
	slices.SortStableFunc(events, func(x, y boundary) int {
		xz := x.kind == introduced && x.version == "0"
		yz := y.kind == introduced && y.version == "0"
		switch {
		case xz || yz:
			return compareBool(yz, xz)
		}
		c, err := cmp(x.version, y.version)
		if err != nil {
			errs = append(errs, err)
		}
		if c == 0 {
			return x.kind - y.kind
		}
		return c
	})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return events, nil
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
