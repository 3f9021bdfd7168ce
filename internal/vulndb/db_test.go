package vulndb

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenMissing(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "none.db"))
	if err == nil || !strings.Contains(err.Error(), "customs db update") {
		t.Fatalf("Open of a missing file: %v, want an error saying how to create it", err)
	}
}

func TestReopen(t *testing.T) {
	db := newDB(t)
	if _, err := db.ImportDir(t.Context(), goFixtures, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := Open(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := ids(t, again, "Go", "github.com/gin-gonic/gin"); len(got) != 1 {
		t.Errorf("after reopening: %v, want the gin record", got)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	db := newDB(t)
	db.Close()
	raw, err := sql.Open("sqlite", db.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if _, err := Open(db.Path()); err == nil || !strings.Contains(err.Error(), "schema version 99") {
		t.Fatalf("Open of a newer schema: %v, want a refusal", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "/x/cache")
	t.Setenv("HOME", "/x/home")
	got := DefaultPath()
	if !strings.HasSuffix(got, filepath.Join("customs", "vulndb", FileName)) {
		t.Errorf("DefaultPath() = %q", got)
	}
}
