package vulndb

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/customs-oss/customs/internal/osv"
)

// origin describes where a generation of records came from.
type origin struct {
	name          string // the source it replaces; "" names it after its records
	fallback      string // the name when the records name no ecosystem
	location      string // URL or path
	etag, lastMod string
}

// recordStream calls yield with the raw JSON of each record in turn.
type recordStream func(yield func(raw []byte) error) error

// replace stores the records of stream as a new generation of one source
// and, in the same transaction, drops the source's previous generation: a
// reader sees the old set or the new one, and a failure anywhere (a bad
// record, a truncated archive, a cancelled context) leaves the old set.
func (db *DB) replace(ctx context.Context, o origin, stream recordStream) (ImportResult, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return ImportResult{}, fmt.Errorf("starting import: %w", err)
	}
	defer tx.Rollback()
	now := db.now().Unix()
	res, err := tx.ExecContext(ctx, `INSERT INTO sources (name, origin, etag, last_modified, imported_at, checked_at) VALUES (NULL, ?, ?, ?, ?, ?)`,
		o.location, o.etag, o.lastMod, now, now)
	if err != nil {
		return ImportResult{}, fmt.Errorf("starting import: %w", err)
	}
	gen, err := res.LastInsertId()
	if err != nil {
		return ImportResult{}, fmt.Errorf("starting import: %w", err)
	}
	w, err := newWriter(ctx, tx, db, gen)
	if err != nil {
		return ImportResult{}, err
	}
	defer w.close()
	if err := stream(w.add); err != nil {
		return ImportResult{}, err
	}
	name := o.name
	if name == "" {
		name = w.name(o.fallback)
	}
	if err := dropSource(ctx, tx, name); err != nil {
		return ImportResult{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sources SET name = ? WHERE id = ?`, name, gen); err != nil {
		return ImportResult{}, fmt.Errorf("naming source %q: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, fmt.Errorf("committing import of %q: %w", name, err)
	}
	return ImportResult{Source: name, Records: w.count}, nil
}

// dropSource deletes every generation named name.
func dropSource(ctx context.Context, tx *sql.Tx, name string) error {
	for _, q := range []string{
		`DELETE FROM affected WHERE source IN (SELECT id FROM sources WHERE name = ?)`,
		`DELETE FROM records WHERE source IN (SELECT id FROM sources WHERE name = ?)`,
		`DELETE FROM sources WHERE name = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, name); err != nil {
			return fmt.Errorf("replacing source %q: %w", name, err)
		}
	}
	return nil
}

// writer inserts the records of one generation.
type writer struct {
	ctx      context.Context
	db       *DB
	gen      int64
	rec, aff *sql.Stmt
	seen     map[string]bool
	count    int
	bases    map[string]int
}

func newWriter(ctx context.Context, tx *sql.Tx, db *DB, gen int64) (*writer, error) {
	rec, err := tx.PrepareContext(ctx, `INSERT INTO records (source, id, modified, withdrawn, data) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("preparing import: %w", err)
	}
	aff, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO affected (ecosystem, package, source, id) VALUES (?, ?, ?, ?)`)
	if err != nil {
		rec.Close()
		return nil, fmt.Errorf("preparing import: %w", err)
	}
	return &writer{ctx: ctx, db: db, gen: gen, rec: rec, aff: aff, seen: map[string]bool{}, bases: map[string]int{}}, nil
}

func (w *writer) close() {
	w.rec.Close()
	w.aff.Close()
}

// add parses and stores one record; a record ID seen twice in one import
// is an error, since which copy should win cannot be told.
func (w *writer) add(raw []byte) error {
	if err := w.ctx.Err(); err != nil {
		return fmt.Errorf("import cancelled: %w", err)
	}
	v, err := osv.Parse(raw)
	if err != nil {
		return err
	}
	if w.seen[v.ID] {
		return fmt.Errorf("record %q appears twice", v.ID)
	}
	w.seen[v.ID] = true
	data, err := w.db.encode(raw)
	if err != nil {
		return fmt.Errorf("record %q: %w", v.ID, err)
	}
	var withdrawn any
	if v.Withdrawn != nil {
		withdrawn = v.Withdrawn.Unix()
	}
	if _, err := w.rec.ExecContext(w.ctx, w.gen, v.ID, v.Modified.Unix(), withdrawn, data); err != nil {
		return fmt.Errorf("storing record %q: %w", v.ID, err)
	}
	for _, a := range v.Affected {
		if a.Package.Ecosystem == "" || a.Package.Name == "" {
			continue
		}
		w.bases[osv.BaseEcosystem(a.Package.Ecosystem)]++
		if _, err := w.aff.ExecContext(w.ctx, a.Package.Ecosystem, osv.PackageKey(a.Package.Ecosystem, a.Package.Name), w.gen, v.ID); err != nil {
			return fmt.Errorf("indexing record %q: %w", v.ID, err)
		}
	}
	w.count++
	return nil
}

// name is "osv/" and the base ecosystem most of the records affect (OSV's
// per-ecosystem archives also hold records that affect a second
// ecosystem), so importing OSV's Go archive by hand replaces what
// 'customs db update' downloaded for Go, and the other way round.
func (w *writer) name(fallback string) string {
	if len(w.bases) == 0 {
		return fallback
	}
	bases := make([]string, 0, len(w.bases))
	for b := range w.bases {
		bases = append(bases, b)
	}
	sort.Slice(bases, func(i, j int) bool {
		if w.bases[bases[i]] != w.bases[bases[j]] {
			return w.bases[bases[i]] > w.bases[bases[j]]
		}
		return bases[i] < bases[j]
	})
	return "osv/" + bases[0]
}
