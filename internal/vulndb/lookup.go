package vulndb

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/customs-oss/customs/internal/osv"
)

// Query names one installed package: the ecosystem exactly as OSV spells
// it in affected[].package.ecosystem ("Alpine:v3.10", "Debian:12", "Go",
// "npm", "PyPI") and the package name as the package manager reports it.
type Query struct {
	Ecosystem string
	Package   string
}

// lookupSQL finds the live records that affect some packages of one
// ecosystem; the IN list is filled in with chunkSize placeholders or fewer.
// A record held by two sources (an archive imported by hand and a
// download) comes back twice and is kept once by the caller. CROSS JOIN
// keeps SQLite from starting with the records table: the (ecosystem,
// package) key of affected is the only selective one.
const lookupSQL = `SELECT a.package, a.source, a.id, r.modified, r.data
FROM affected a CROSS JOIN records r ON r.source = a.source AND r.id = a.id
WHERE a.ecosystem = ? AND r.withdrawn IS NULL AND a.package IN (%s)`

// chunkSize is how many packages one statement asks for, well under
// SQLite's limit on bound parameters.
const chunkSize = 250

// Lookup returns the records that affect package pkg of ecosystem, sorted
// by ID, leaving out withdrawn records. The records may be shared with
// other results and must not be modified.
func (db *DB) Lookup(ctx context.Context, ecosystem, pkg string) ([]*osv.Vulnerability, error) {
	q := Query{Ecosystem: ecosystem, Package: pkg}
	m, err := db.LookupMany(ctx, []Query{q})
	if err != nil {
		return nil, err
	}
	return m[q], nil
}

// LookupMany looks up every query in one read transaction with one
// prepared statement, then decodes each record found once, however many
// packages it affects, on all CPUs. Queries with no records are absent
// from the map; each list is sorted by ID. The records may be shared
// between entries and must not be modified.
func (db *DB) LookupMany(ctx context.Context, queries []Query) (map[Query][]*osv.Vulnerability, error) {
	hits, blobs, err := db.find(ctx, queries)
	if err != nil {
		return nil, err
	}
	decoded, err := db.decodeAll(ctx, blobs)
	if err != nil {
		return nil, err
	}
	out := make(map[Query][]*osv.Vulnerability, len(hits))
	for q, keys := range hits {
		vs := make([]*osv.Vulnerability, len(keys))
		for i, k := range keys {
			vs[i] = decoded[k]
		}
		sort.Slice(vs, func(i, j int) bool { return vs[i].ID < vs[j].ID })
		out[q] = vs
	}
	return out, nil
}

type recordKey struct {
	source int64
	id     string
}

// find runs the queries, grouped by ecosystem in chunks of chunkSize
// packages, in one read transaction. It returns, per query with records,
// the keys of the records to return, and the stored form of each distinct
// record.
func (db *DB) find(ctx context.Context, queries []Query) (map[Query][]recordKey, map[recordKey][]byte, error) {
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("looking up vulnerabilities: %w", err)
	}
	defer tx.Rollback()
	// byKey maps an ecosystem and stored package name to the queries
	// asking for it: PyPI's "Foo_Bar" and "foo-bar" are one package.
	byKey := map[Query][]Query{}
	perEco := map[string][]string{}
	for _, q := range queries {
		k := Query{Ecosystem: q.Ecosystem, Package: osv.PackageKey(q.Ecosystem, q.Package)}
		if _, ok := byKey[k]; !ok {
			perEco[k.Ecosystem] = append(perEco[k.Ecosystem], k.Package)
		}
		if !slices.Contains(byKey[k], q) {
			byKey[k] = append(byKey[k], q)
		}
	}
	f := &finder{tx: tx, best: map[Query]map[string]found{}, blobs: map[recordKey][]byte{}}
	for _, eco := range sortedKeys(perEco) {
		for pkgs := range slices.Chunk(perEco[eco], chunkSize) {
			if err := f.chunk(ctx, eco, pkgs); err != nil {
				return nil, nil, fmt.Errorf("looking up %s packages: %w", eco, err)
			}
		}
	}
	hits := map[Query][]recordKey{}
	for k, recs := range f.best {
		keys := make([]recordKey, 0, len(recs))
		for _, r := range recs {
			keys = append(keys, r.key)
		}
		for _, q := range byKey[k] {
			hits[q] = keys
		}
	}
	return hits, f.blobs, nil
}

// found is the copy of a record chosen for a package so far.
type found struct {
	key      recordKey
	modified int64
}

// finder collects the results of the chunks of one lookup.
type finder struct {
	tx    *sql.Tx
	best  map[Query]map[string]found // (ecosystem, stored name) -> ID -> copy
	blobs map[recordKey][]byte
}

// chunk asks for the records of some packages of one ecosystem, keeping of
// a record held by several sources the most recently modified copy.
func (f *finder) chunk(ctx context.Context, eco string, pkgs []string) error {
	args := make([]any, 0, len(pkgs)+1)
	args = append(args, eco)
	for _, p := range pkgs {
		args = append(args, p)
	}
	marks := strings.Repeat("?,", len(pkgs))
	rows, err := f.tx.QueryContext(ctx, fmt.Sprintf(lookupSQL, marks[:len(marks)-1]), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			pkg  string
			h    found
			data sql.RawBytes
		)
		if err := rows.Scan(&pkg, &h.key.source, &h.key.id, &h.modified, &data); err != nil {
			return err
		}
		k := Query{Ecosystem: eco, Package: pkg}
		recs := f.best[k]
		if recs == nil {
			recs = map[string]found{}
			f.best[k] = recs
		}
		if old, ok := recs[h.key.id]; ok && h.modified <= old.modified {
			continue
		}
		recs[h.key.id] = h
		if _, ok := f.blobs[h.key]; !ok {
			f.blobs[h.key] = append([]byte(nil), data...)
		}
	}
	return rows.Err()
}

// decodeAll decodes the stored records in parallel.
func (db *DB) decodeAll(ctx context.Context, blobs map[recordKey][]byte) (map[recordKey]*osv.Vulnerability, error) {
	keys := make([]recordKey, 0, len(blobs))
	for k := range blobs {
		keys = append(keys, k)
	}
	vs := make([]*osv.Vulnerability, len(keys))
	g, ctx := errgroup.WithContext(ctx)
	workers := min(runtime.GOMAXPROCS(0), len(keys))
	for w := range workers {
		g.Go(func() error {
			for i := w; i < len(keys); i += workers {
				if err := ctx.Err(); err != nil {
					return err
				}
				v, err := db.decode(blobs[keys[i]])
				if err != nil {
					return fmt.Errorf("stored record %q: %w", keys[i].id, err)
				}
				vs[i] = v
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, fmt.Errorf("looking up vulnerabilities: %w", err)
	}
	out := make(map[recordKey]*osv.Vulnerability, len(keys))
	for i, k := range keys {
		out[k] = vs[i]
	}
	return out, nil
}
