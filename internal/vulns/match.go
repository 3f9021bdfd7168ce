package vulns

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/version"
)

// Match is one known vulnerability in one installed package.
type Match struct {
	Package facts.Package
	// Ecosystem is the OSV ecosystem the package was matched in; Name and
	// Version what was looked up there (the source package for OS
	// packages).
	Ecosystem string
	Name      string
	Version   string
	// ID is a CVE when one names the vulnerability, else the smallest of
	// its IDs; Aliases are its other IDs, sorted.
	ID      string
	Aliases []string
	Summary string
	// Fixed is the first version that fixes it, "" when no fix exists.
	Fixed string
	// Severity, Score and CVSS rate it; Rated is false when no record
	// rated it and Severity is then medium.
	Severity report.Severity
	Score    float64
	CVSS     string
	Rated    bool
	// References are links about it, advisories first, always including
	// its page on osv.dev.
	References []string
}

// IDs returns the match's ID followed by its aliases. The slices of
// matches of one package version are shared: they must not be modified.
func (m Match) IDs() []string { return append([]string{m.ID}, m.Aliases...) }

// Find looks up every package of img in one batch and returns the known
// vulnerabilities of each, one per vulnerability however many records
// describe it, sorted by package then ID. Notes say which packages could
// not be checked and why, and which records could not be read.
func Find(ctx context.Context, lookup Lookup, img *facts.Image) ([]Match, []string, error) {
	targets, notes := targets(img)
	queries := make([]Query, 0, len(targets))
	seen := map[Query]bool{}
	for _, pt := range targets {
		q := Query{pt.target.Ecosystem, pt.target.Name}
		if !seen[q] {
			seen[q] = true
			queries = append(queries, q)
		}
	}
	if len(queries) == 0 {
		return nil, notes, nil
	}
	found, err := lookup.LookupMany(ctx, queries)
	if err != nil {
		return nil, notes, fmt.Errorf("looking up %d packages: %w", len(queries), err)
	}
	// Images often hold one version of a package many times (a module in
	// several binaries, a library in several node_modules), so each target
	// is matched once and its matches copied for every package.
	done := map[Target][]Match{}
	ratings := map[*osv.Affected]Rating{}
	total := 0
	for _, pt := range targets {
		if err := ctx.Err(); err != nil {
			return nil, notes, err
		}
		ms, ok := done[pt.target]
		if !ok {
			hits, errs := matchRecords(pt.target, found[Query{pt.target.Ecosystem, pt.target.Name}], ratings)
			for _, e := range errs {
				notes = append(notes, fmt.Sprintf("%s %s %s: %v", pt.pkg.Type, pt.pkg.Name, pt.pkg.Version, e))
			}
			ms = merge(pt.target, hits)
			done[pt.target] = ms
		}
		total += len(ms)
	}
	out := make([]Match, 0, total)
	for _, pt := range targets {
		for _, m := range done[pt.target] {
			m.Package = pt.pkg
			out = append(out, m)
		}
	}
	return out, notes, nil
}

// packageTarget is an installed package and its name in OSV.
type packageTarget struct {
	pkg    facts.Package
	target Target
}

// targets names the packages of img in OSV and says, per kind of package
// and reason, how many could not be.
func targets(img *facts.Image) ([]packageTarget, []string) {
	var out []packageTarget
	skipped := map[string]int{}
	for _, p := range img.Packages {
		t, err := target(p, img.OS)
		if err == nil && !version.Supported(t.Ecosystem) {
			err = fmt.Errorf("customs cannot order %s versions", osv.BaseEcosystem(t.Ecosystem))
		}
		if err != nil {
			skipped[fmt.Sprintf("%s packages not checked for vulnerabilities: %v", p.Type, err)]++
			continue
		}
		out = append(out, packageTarget{p, t})
	}
	// Matches come out in package order, and each package's sorted by ID
	// by merge, so the (large) matches themselves are never sorted.
	slices.SortStableFunc(out, func(a, b packageTarget) int {
		return cmp.Or(
			cmp.Compare(a.pkg.Name, b.pkg.Name),
			cmp.Compare(a.pkg.Version, b.pkg.Version),
			cmp.Compare(a.pkg.Path, b.pkg.Path),
		)
	})
	notes := make([]string, 0, len(skipped))
	for reason, n := range skipped {
		notes = append(notes, fmt.Sprintf("%d %s", n, reason))
	}
	sort.Strings(notes)
	return out, notes
}

// hit is one record that affects a package, with the fix its matching
// range names and its rating.
type hit struct {
	record *osv.Vulnerability
	fixed  string
	rating Rating
}

// matchRecords places t's version in each live record's entries for t's
// package. A record whose ranges cannot be read is reported, not dropped
// silently, and the others are still matched. ratings keeps the rating of
// each entry, which many package versions share.
func matchRecords(t Target, records []*osv.Vulnerability, ratings map[*osv.Affected]Rating) ([]hit, []error) {
	var hits []hit
	var errs []error
	for _, v := range records {
		if v == nil || v.Withdrawn != nil {
			continue
		}
		var best *hit
		for i := range v.Affected {
			a := &v.Affected[i]
			if a.Package.Ecosystem != t.Ecosystem || osv.PackageKey(t.Ecosystem, a.Package.Name) != t.Name {
				continue
			}
			in, fixed, err := a.Contains(t.Version)
			if err != nil {
				errs = append(errs, fmt.Errorf("record %s: %w", v.ID, err))
				continue
			}
			if !in {
				continue
			}
			r, ok := ratings[a]
			if !ok {
				r = rate(v, a)
				ratings[a] = r
			}
			h := hit{record: v, fixed: fixed, rating: r}
			if best == nil || best.fixed == "" && fixed != "" {
				best = &h
			}
		}
		if best != nil {
			hits = append(hits, *best)
		}
	}
	return hits, errs
}
