package vulns

import (
	"context"
	"sort"

	"github.com/customs-oss/customs/internal/osv"
)

// Memory is a Lookup over records held in memory, indexed by the packages
// their affected entries name: for tests, and for records read from a
// directory without building a store.
type Memory struct {
	index map[Query][]*osv.Vulnerability
}

// NewMemory indexes records. Each list a lookup returns is sorted by ID
// and holds a record once however many entries name the package.
func NewMemory(records []*osv.Vulnerability) *Memory {
	m := &Memory{index: map[Query][]*osv.Vulnerability{}}
	for _, v := range records {
		seen := map[Query]bool{}
		for _, a := range v.Affected {
			q := Query{a.Package.Ecosystem, osv.PackageKey(a.Package.Ecosystem, a.Package.Name)}
			if !seen[q] {
				seen[q] = true
				m.index[q] = append(m.index[q], v)
			}
		}
	}
	for _, vs := range m.index {
		sort.SliceStable(vs, func(i, j int) bool { return vs[i].ID < vs[j].ID })
	}
	return m
}

// LookupMany implements Lookup.
func (m *Memory) LookupMany(ctx context.Context, queries []Query) (map[Query][]*osv.Vulnerability, error) {
	out := map[Query][]*osv.Vulnerability{}
	for _, q := range queries {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if vs, ok := m.index[Query{q.Ecosystem, osv.PackageKey(q.Ecosystem, q.Package)}]; ok {
			out[q] = vs
		}
	}
	return out, nil
}
