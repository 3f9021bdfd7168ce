package vulns

import (
	"sort"
	"strings"

	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/version"
)

// maxReferences bounds the links kept per vulnerability.
const maxReferences = 20

// merge turns the records that affect one package version into one Match per
// vulnerability: records that share an ID or alias, directly or through
// another record, describe the same vulnerability.
func merge(t Target, hits []hit) []Match {
	if len(hits) == 0 {
		return nil
	}
	uf := unionFind{}
	for _, h := range hits {
		for _, id := range h.record.IDs() {
			uf.union(h.record.ID, id)
		}
	}
	groups := map[string][]hit{}
	var roots []string
	for _, h := range hits {
		r := uf.find(h.record.ID)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], h)
	}
	out := make([]Match, 0, len(roots))
	for _, r := range roots {
		out = append(out, mergeGroup(t, groups[r]))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// mergeGroup builds the Match of the records describing one vulnerability.
func mergeGroup(t Target, hits []hit) Match {
	sort.Slice(hits, func(i, j int) bool { return hits[i].record.ID < hits[j].record.ID })
	ids := map[string]bool{}
	for _, h := range hits {
		for _, id := range h.record.IDs() {
			ids[id] = true
		}
	}
	m := Match{Ecosystem: t.Ecosystem, Name: t.Name, Version: t.Version, ID: representative(ids)}
	for id := range ids {
		if id != m.ID {
			m.Aliases = append(m.Aliases, id)
		}
	}
	sort.Strings(m.Aliases)
	var rating Rating
	for i, h := range hits {
		if i == 0 || better(h.rating, rating) {
			rating = h.rating
		}
		if h.fixed != "" && (m.Fixed == "" || lessVersion(t.Ecosystem, h.fixed, m.Fixed)) {
			m.Fixed = h.fixed
		}
		if m.Summary == "" || h.record.ID == m.ID && h.record.Summary != "" {
			m.Summary = summary(h.record)
		}
	}
	m.Severity, m.Score, m.CVSS, m.Rated = rating.Severity, rating.Score, rating.CVSS, rating.Rated
	m.References = references(m.ID, hits)
	return m
}

// representative picks the ID a vulnerability is reported under: the
// smallest CVE, else the smallest ID.
func representative(ids map[string]bool) string {
	best, bestCVE := "", false
	for id := range ids {
		cve := strings.HasPrefix(id, "CVE-")
		if best == "" || cve && !bestCVE || cve == bestCVE && id < best {
			best, bestCVE = id, cve
		}
	}
	return best
}

// summary is a record's one-line summary. Details are not used in its
// place: they often only restate the ID and where the record came from.
func summary(v *osv.Vulnerability) string {
	return v.Summary
}

// lessVersion orders two fixed versions, by the ecosystem's ordering when it
// reads both and by their text otherwise.
func lessVersion(eco, a, b string) bool {
	if c, err := version.Compare(eco, a, b); err == nil {
		return c < 0
	}
	return a < b
}

// references lists advisories first, then the OSV page of id, then the
// other links of the records, each once, at most maxReferences.
func references(id string, hits []hit) []string {
	var advisories, others []string
	for _, h := range hits {
		for _, r := range h.record.References {
			if r.Type == "ADVISORY" {
				advisories = append(advisories, r.URL)
			} else {
				others = append(others, r.URL)
			}
		}
	}
	all := append(append(advisories, "https://osv.dev/vulnerability/"+id), others...)
	seen := map[string]bool{}
	out := make([]string, 0, min(len(all), maxReferences))
	for _, u := range all {
		if u == "" || seen[u] || len(out) == maxReferences {
			continue
		}
		seen[u] = true
		out = append(out, u)
	}
	return out
}

// unionFind groups IDs that name the same vulnerability.
type unionFind map[string]string

func (u unionFind) find(x string) string {
	for {
		p, ok := u[x]
		if !ok || p == x {
			return x
		}
		if gp, ok := u[p]; ok {
			u[x] = gp // path halving keeps chains short
		}
		x = p
	}
}

func (u unionFind) union(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u[rb] = ra
	}
	if _, ok := u[ra]; !ok {
		u[ra] = ra
	}
}
