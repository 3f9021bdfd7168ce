package vulndb

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ImportDir imports every *.json file beneath dir as one OSV record, such
// as a checkout of the Go vulnerability database's data/osv. Symbolic
// links are not followed; files and the total read are bounded by the
// limits; any file that is not a valid record fails the import.
func (db *DB) ImportDir(ctx context.Context, dir string, opts ImportOptions) (ImportResult, error) {
	lim := opts.Limits.withDefaults()
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ImportResult{}, fmt.Errorf("importing %q: %w", dir, err)
	}
	stream := func(yield func([]byte) error) error {
		var files int
		var total int64
		return filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("reading %q: %w", path, err)
			}
			if !d.Type().IsRegular() || !strings.EqualFold(filepath.Ext(path), ".json") {
				return nil
			}
			if files++; files > lim.MaxRecords {
				return fmt.Errorf("directory %q holds more than %d records, over the limit", dir, lim.MaxRecords)
			}
			data, err := readFile(path, min(lim.MaxRecordSize, lim.MaxTotalSize-total))
			if err != nil {
				return err
			}
			total += int64(len(data))
			if err := yield(data); err != nil {
				return fmt.Errorf("%q: %w", path, err)
			}
			return nil
		})
	}
	return db.replace(ctx, origin{name: opts.Source, fallback: "osv/" + filepath.Base(abs), location: abs}, stream)
}

// readFile reads at most max bytes of path, failing when there are more.
func readFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("reading %q: more than %d bytes, over the limit", path, max)
	}
	return data, nil
}
