package vulndb

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ImportZip imports an OSV archive, such as OSV's per-ecosystem all.zip:
// one <ID>.json record per entry at the root. Entries are read in memory,
// never extracted; an entry name that is not a plain file name, an entry
// or a total over the limits, or a damaged archive fails the import and
// leaves the data already stored untouched. location is recorded as the
// origin.
func (db *DB) ImportZip(ctx context.Context, r io.ReaderAt, size int64, location string, opts ImportOptions) (ImportResult, error) {
	o := origin{name: opts.Source, fallback: "osv/" + filepath.Base(location), location: location}
	return db.replaceZip(ctx, r, size, o, opts.Limits.withDefaults())
}

// replaceZip imports the OSV archive r of size bytes as described by o.
func (db *DB) replaceZip(ctx context.Context, r io.ReaderAt, size int64, o origin, lim Limits) (ImportResult, error) {
	location := o.location
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return ImportResult{}, fmt.Errorf("reading zip archive %q: %w", location, err)
	}
	if len(zr.File) > lim.MaxRecords {
		return ImportResult{}, fmt.Errorf("zip archive %q has %d entries, over the limit of %d", location, len(zr.File), lim.MaxRecords)
	}
	stream := func(yield func([]byte) error) error {
		var total int64
		for _, f := range zr.File {
			if err := checkEntryName(f.Name); err != nil {
				return fmt.Errorf("zip archive %q: %w", location, err)
			}
			if f.FileInfo().IsDir() || !strings.EqualFold(filepath.Ext(f.Name), ".json") {
				continue
			}
			data, err := readEntry(f, lim.MaxRecordSize, lim.MaxTotalSize-total)
			if err != nil {
				return fmt.Errorf("zip archive %q: entry %q: %w", location, f.Name, err)
			}
			total += int64(len(data))
			if err := yield(data); err != nil {
				return fmt.Errorf("zip archive %q: entry %q: %w", location, f.Name, err)
			}
		}
		return nil
	}
	return db.replace(ctx, o, stream)
}

// checkEntryName refuses names that would climb out of a directory or
// reach into one if the entry were extracted: OSV archives hold plain file
// names at the root (a directory entry at the root is tolerated and skipped).
func checkEntryName(name string) error {
	base := strings.TrimSuffix(name, "/")
	if base == "" || base == "." || base == ".." || strings.ContainsAny(base, "/\\:\x00") {
		return fmt.Errorf("unsafe entry name %q: OSV archives hold plain file names", name)
	}
	return nil
}

// readEntry reads one entry, trusting neither the sizes its header claims
// nor the compressed stream: reading stops at the smaller of max and
// remaining.
func readEntry(f *zip.File, max, remaining int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%d bytes uncompressed, over the %d byte limit", f.UncompressedSize64, max)
	}
	if int64(f.UncompressedSize64) > remaining {
		return nil, fmt.Errorf("the archive's uncompressed size is over the limit")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	limit := min(max, remaining)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %d bytes uncompressed, over the limit", limit)
	}
	return data, nil
}
