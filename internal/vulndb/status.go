package vulndb

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SourceStatus describes one source, or one ecosystem of a source: how
// many records it holds, how fresh they are and where they came from.
type SourceStatus struct {
	// Source names the data set an import replaces: "osv/Go",
	// "alpine-secdb/v3.10/main".
	Source string `json:"source"`
	// Ecosystem is the ecosystem the line counts, exactly as the records
	// spell it ("Alpine:v3.10"); "" for the records that affect no package.
	Ecosystem string `json:"ecosystem"`
	// Records counts the live records (withdrawn ones left out) that
	// affect at least one package of Ecosystem.
	Records int `json:"records"`
	// Withdrawn counts the withdrawn records, kept but never matched.
	Withdrawn int `json:"withdrawn"`
	// Newest is the latest modified time of the records, zero when the
	// data carries none (the Alpine secdb; the Go database's exported form).
	Newest time.Time `json:"newest_modified,omitzero"`
	// Imported is when the data was last imported or downloaded.
	Imported time.Time `json:"imported"`
	// Checked is when a download last confirmed the data current.
	Checked time.Time `json:"checked"`
	// Origin is the URL or path the data came from.
	Origin string `json:"origin"`
	// ETag and LastModified are the validators of the downloaded archive,
	// sent back so that an unchanged archive is not downloaded again.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

const statusSQL = `SELECT s.id, s.name, s.origin, s.etag, s.last_modified, s.imported_at, s.checked_at,
	COALESCE(e.ecosystem, ''), COUNT(DISTINCT r.id) FILTER (WHERE r.withdrawn IS NULL),
	COUNT(DISTINCT r.id) FILTER (WHERE r.withdrawn IS NOT NULL), MAX(r.modified)
FROM sources s
LEFT JOIN records r ON r.source = s.id
LEFT JOIN (SELECT DISTINCT source, id, ecosystem FROM affected) e ON e.source = r.source AND e.id = r.id
WHERE s.name IS NOT NULL
GROUP BY s.id, e.ecosystem
ORDER BY s.name, e.ecosystem`

// Status lists every source by ecosystem, sorted by source and ecosystem.
func (db *DB) Status(ctx context.Context) ([]SourceStatus, error) {
	rows, err := db.sql.QueryContext(ctx, statusSQL)
	if err != nil {
		return nil, fmt.Errorf("reading the vulnerability database status: %w", err)
	}
	defer rows.Close()
	var out []SourceStatus
	for rows.Next() {
		var (
			s                 SourceStatus
			id                int64
			imported, checked int64
			newest            sql.NullInt64
		)
		if err := rows.Scan(&id, &s.Source, &s.Origin, &s.ETag, &s.LastModified, &imported, &checked,
			&s.Ecosystem, &s.Records, &s.Withdrawn, &newest); err != nil {
			return nil, fmt.Errorf("reading the vulnerability database status: %w", err)
		}
		s.Imported, s.Checked = time.Unix(imported, 0).UTC(), time.Unix(checked, 0).UTC()
		if t := time.Unix(newest.Int64, 0).UTC(); newest.Valid && t.Year() > 1 {
			s.Newest = t
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the vulnerability database status: %w", err)
	}
	return out, nil
}

// validators returns the ETag and Last-Modified stored for source name.
func (db *DB) validators(ctx context.Context, name string) (etag, lastMod string, err error) {
	err = db.sql.QueryRowContext(ctx, `SELECT etag, last_modified FROM sources WHERE name = ?`, name).Scan(&etag, &lastMod)
	if err == sql.ErrNoRows {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("reading the stored validators of %q: %w", name, err)
	}
	return etag, lastMod, nil
}

// touch records that a download found source name unchanged.
func (db *DB) touch(ctx context.Context, name string) error {
	if _, err := db.sql.ExecContext(ctx, `UPDATE sources SET checked_at = ? WHERE name = ?`, db.now().Unix(), name); err != nil {
		return fmt.Errorf("recording the check of %q: %w", name, err)
	}
	return nil
}
