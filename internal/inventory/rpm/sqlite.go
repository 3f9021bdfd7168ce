package rpm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"

	// The SQLite driver, in pure Go, registers itself as "sqlite".
	_ "modernc.org/sqlite"
)

// readSQLite calls fn with each package header of an SQLite database.
// SQLite reads files, not memory: data is written to a private temporary
// file, opened read-only and immutable (no journal or lock file is made
// beside it), and removed before readSQLite returns.
func readSQLite(ctx context.Context, data []byte, fn func([]byte) error) error {
	if len(data) < 16 || string(data[:16]) != "SQLite format 3\x00" {
		return errors.New("sqlite: not an SQLite database")
	}
	path, err := writeTemp(data)
	if err != nil {
		return err
	}
	defer os.Remove(path)
	u := url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "mode=ro&immutable=1"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	defer db.Close()
	// A view or virtual table named Packages could make the query run
	// forever; rpm's is a plain table, read in one linear scan.
	var kind string
	err = db.QueryRowContext(ctx, "SELECT type FROM sqlite_master WHERE name = 'Packages'").Scan(&kind)
	if err != nil || kind != "table" {
		return fmt.Errorf("sqlite: no Packages table (%q, %v)", kind, err)
	}
	rows, err := db.QueryContext(ctx, "SELECT blob FROM Packages")
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var blob []byte
		if err := rows.Scan(&blob); err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
		if err := fn(blob); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	return nil
}

// writeTemp writes data to a new file, readable by its owner only, in the
// system temporary directory and returns its name.
func writeTemp(data []byte) (string, error) {
	f, err := os.CreateTemp("", "customs-rpmdb-*.sqlite")
	if err != nil {
		return "", fmt.Errorf("sqlite: temporary copy: %w", err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("sqlite: temporary copy: %w", err)
	}
	return f.Name(), nil
}
