// Package vulndb is the local vulnerability store: OSV records kept in one
// SQLite file, indexed by ecosystem and package so that matching an image's
// inventory costs milliseconds. It is filled by importers (OSV zip archives,
// directories of OSV JSON files, the Alpine secdb) and by Update, which
// downloads OSV's per-ecosystem archives; nothing else needs the network, so
// an air-gapped machine imports files carried over by hand.
package vulndb

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/klauspost/compress/zstd"
	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" database/sql driver

	"github.com/customs-oss/customs/internal/cache"
)

// FileName is the name of the store's file in its directory.
const FileName = "customs-vulns.db"

// busyTimeout is how long a writer waits for another process holding the
// file before giving up; imports of the large archives take seconds.
const busyTimeout = 30 * time.Second

// DB is an open vulnerability store. It is safe for concurrent use.
type DB struct {
	sql  *sql.DB
	path string
	enc  *zstd.Encoder
	dec  *zstd.Decoder
	now  func() time.Time
}

// DefaultPath is <cache dir>/vulndb/customs-vulns.db, or "" when the
// platform has no cache directory.
func DefaultPath() string {
	d := cache.DefaultDir()
	if d == "" {
		return ""
	}
	return filepath.Join(d, "vulndb", FileName)
}

// Open opens the existing store at path. A missing file is an error that
// says how to create one.
func Open(path string) (*DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no vulnerability database at %q: run 'customs db update', or 'customs db import PATH' without a network", path)
	}
	return open(path)
}

// Create opens the store at path, creating the file and its directory when
// they do not exist yet.
func Create(path string) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the vulnerability database directory: %w", err)
	}
	return open(path)
}

func open(path string) (*DB, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + url.Values{
		"_pragma": {
			fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()),
			"journal_mode(WAL)",
			"synchronous(NORMAL)",
		},
		"_txlock": {"immediate"},
	}.Encode()
	s, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening vulnerability database %q: %w", path, err)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("creating the record compressor: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(maxStoredRecord))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("creating the record decompressor: %w", err)
	}
	db := &DB{sql: s, path: path, enc: enc, dec: dec, now: time.Now}
	if err := db.migrate(); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening vulnerability database %q: %w", path, err)
	}
	return db, nil
}

// Path is the file the store lives in.
func (db *DB) Path() string { return db.path }

// Close closes the store.
func (db *DB) Close() error {
	db.dec.Close()
	db.enc.Close()
	if err := db.sql.Close(); err != nil {
		return fmt.Errorf("closing vulnerability database %q: %w", db.path, err)
	}
	return nil
}
