package samples

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// CacheDir returns the directory name under the test cache, creating it:
// $XDG_CACHE_HOME/customs-test/name (os.UserCacheDir). Content kept there
// survives between test runs; it is never inside the repository.
func CacheDir(t testing.TB, name string) string {
	t.Helper()
	base, err := os.UserCacheDir()
	if err != nil {
		t.Fatalf("test cache: %v", err)
	}
	dir := filepath.Join(base, "customs-test", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("test cache: %v", err)
	}
	return dir
}

// WriteAtomic writes the file at path with what write produces, through a
// temporary file in the same directory renamed into place, so that a reader
// (another test process) sees the whole file or none of it.
func WriteAtomic(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; the cache is shared by the user's tests.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	return nil
}

// writeFileAtomic is WriteAtomic for content already in memory.
func writeFileAtomic(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
