package vulndb

import (
	"fmt"
)

// SchemaVersion is the layout of the store's tables, kept in SQLite's
// user_version. A store written by a newer customs is refused rather than
// misread.
const SchemaVersion = 1

// schema is the layout: one row per source (a generation of imported data),
// one row per record with its compressed JSON, and one row per (ecosystem,
// package) a record affects, the key every lookup goes through.
const schema = `
CREATE TABLE sources (
	id            INTEGER PRIMARY KEY,
	name          TEXT UNIQUE,
	origin        TEXT NOT NULL,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	imported_at   INTEGER NOT NULL,
	checked_at    INTEGER NOT NULL
);
CREATE TABLE records (
	source    INTEGER NOT NULL,
	id        TEXT NOT NULL,
	modified  INTEGER NOT NULL,
	withdrawn INTEGER,
	data      BLOB NOT NULL,
	PRIMARY KEY (source, id)
) WITHOUT ROWID;
CREATE TABLE affected (
	ecosystem TEXT NOT NULL,
	package   TEXT NOT NULL,
	source    INTEGER NOT NULL,
	id        TEXT NOT NULL,
	PRIMARY KEY (ecosystem, package, source, id)
) WITHOUT ROWID;
CREATE INDEX affected_source ON affected (source);
`

// migrate creates the tables of a new store and refuses a store of another
// schema version.
func (db *DB) migrate() error {
	tx, err := db.sql.Begin()
	if err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	switch v {
	case SchemaVersion:
		return nil
	case 0:
		if _, err := tx.Exec(schema); err != nil {
			return fmt.Errorf("creating the tables: %w", err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
			return fmt.Errorf("setting the schema version: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("creating the tables: %w", err)
		}
		return nil
	}
	return fmt.Errorf("schema version %d is not the %d this customs reads: remove the file and import again", v, SchemaVersion)
}
