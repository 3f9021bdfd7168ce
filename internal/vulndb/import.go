package vulndb

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ImportOptions tune an import.
type ImportOptions struct {
	// Source names the data set the import replaces; by default an OSV
	// archive or directory is "osv/" and the base ecosystem most of its
	// records affect, and an Alpine secdb is
	// "alpine-secdb/<distroversion>/<reponame>".
	Source string
	// Limits bound what is read.
	Limits Limits
}

// ImportResult says what an import or download stored.
type ImportResult struct {
	// Source is the name of the data set replaced.
	Source string `json:"source"`
	// Records counts the records stored.
	Records int `json:"records"`
	// Unchanged is set when a download found the archive unchanged and
	// nothing was stored.
	Unchanged bool `json:"unchanged,omitempty"`
}

// Import imports path, telling its kind from what it is: a directory of
// OSV JSON files, a zip archive of OSV records (by its signature), or an
// Alpine secdb YAML file.
func (db *DB) Import(ctx context.Context, path string, opts ImportOptions) (ImportResult, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return ImportResult{}, fmt.Errorf("importing %q: %w", path, err)
	}
	if fi.IsDir() {
		return db.ImportDir(ctx, path, opts)
	}
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, fmt.Errorf("importing %q: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if bytes.HasPrefix(head[:n], []byte("PK\x03\x04")) || bytes.HasPrefix(head[:n], []byte("PK\x05\x06")) {
		return db.ImportZip(ctx, f, fi.Size(), path, opts)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".yaml" || ext == ".yml" {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return ImportResult{}, fmt.Errorf("importing %q: %w", path, err)
		}
		return db.ImportSecDB(ctx, f, path, opts)
	}
	return ImportResult{}, fmt.Errorf("importing %q: not a zip archive of OSV records, a directory of OSV JSON files or an Alpine secdb .yaml file", path)
}
