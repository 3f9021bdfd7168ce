package rpm

import (
	"context"
	"os"
	"testing"
)

// TestSQLiteTemporaryCopy checks that the copy of an SQLite database is
// private while read and gone afterwards, even when the read fails.
func TestSQLiteTemporaryCopy(t *testing.T) {
	data, err := os.ReadFile("testdata/sqlite/rpmdb.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		data  []byte
		calls int
	}{{"whole", data, 5}, {"truncated", data[:len(data)/3], 0}} {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			calls := 0
			each := func([]byte) error {
				calls++
				ents, err := os.ReadDir(tmp)
				if err != nil || len(ents) != 1 {
					t.Fatalf("temporary directory while reading: %v, %v", ents, err)
				}
				info, err := ents[0].Info()
				if err != nil || info.Mode().Perm() != 0o600 {
					t.Errorf("temporary copy %v, %v: want mode 0600", info, err)
				}
				return nil
			}
			_ = readSQLite(context.Background(), tt.data, each)
			if calls != tt.calls {
				t.Errorf("%d headers read, want %d", calls, tt.calls)
			}
			ents, err := os.ReadDir(tmp)
			if err != nil || len(ents) != 0 {
				t.Errorf("left behind: %v, %v", ents, err)
			}
		})
	}
}

// TestSQLiteNotATable refuses a database whose Packages is a view, which
// could make the query endless.
func TestSQLiteNotATable(t *testing.T) {
	data, err := os.ReadFile("testdata/view.sqlite")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := New().Extract(context.Background(), file("var/lib/rpm/rpmdb.sqlite"), data)
	if err == nil || len(pkgs) != 0 {
		t.Errorf("Packages view: %d packages, error %v", len(pkgs), err)
	}
}

func TestCancelled(t *testing.T) {
	data, err := os.ReadFile("testdata/ndb/Packages.db")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, file("var/lib/rpm/Packages.db"), data); err == nil {
		t.Error("Extract with a cancelled context: no error")
	}
}
