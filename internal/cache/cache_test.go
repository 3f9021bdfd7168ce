package cache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

const diffID = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func sample() *facts.LayerFacts {
	return &facts.LayerFacts{
		DiffID:    diffID,
		Size:      4096,
		Entries:   []facts.Entry{{Path: "etc/os-release", Type: facts.TypeFile, Mode: 0o644, Size: 12}},
		Whiteouts: []facts.Whiteout{{Path: "tmp", Opaque: true}},
		Files:     map[string][]byte{"etc/os-release": []byte("ID=alpine\n")},
	}
}

func TestRoundTrip(t *testing.T) {
	c, err := Open(t.TempDir(), "walk-1 checks-a.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(diffID); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(sample()); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(diffID)
	if !ok {
		t.Fatal("miss after Put")
	}
	if diff := cmp.Diff(sample(), got); diff != "" {
		t.Errorf("cached facts differ (-want +got):\n%s", diff)
	}
}

func TestKeySeparatesAnalyses(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir, "walk-1")
	b, _ := Open(dir, "walk-2")
	if err := a.Put(sample()); err != nil {
		t.Fatal(err)
	}
	if _, ok := b.Get(diffID); ok {
		t.Error("a cache with another analysis key sees the entry")
	}
}

func TestCorruptEntryIsAMiss(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir, "k")
	if err := c.Put(sample()); err != nil {
		t.Fatal(err)
	}
	p, _ := c.path(diffID)
	if err := os.WriteFile(p, []byte("not gob"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(diffID); ok {
		t.Fatal("corrupt entry returned")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("corrupt entry not removed: %v", err)
	}
}

func TestEntryForAnotherLayerIsAMiss(t *testing.T) {
	c, _ := Open(t.TempDir(), "k")
	other := sample()
	other.DiffID = "sha256:" + strings.Repeat("f", 64)
	if err := c.Put(other); err != nil {
		t.Fatal(err)
	}
	// Move the entry under the wrong name, as a tampered cache would.
	from, _ := c.path(other.DiffID)
	to, _ := c.path(diffID)
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(diffID); ok {
		t.Error("entry recorded for another diffID was returned")
	}
}

func TestUnsafeDiffIDsAreNotCached(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir, "k")
	for _, id := range []string{"", "sha256:../../etc", "md5:" + strings.Repeat("a", 64), "sha256:" + strings.Repeat("A", 64), "sha256:" + strings.Repeat("a", 63) + "/"} {
		lf := sample()
		lf.DiffID = id
		if err := c.Put(lf); err != nil {
			t.Errorf("Put(%q): %v", id, err)
		}
		if _, ok := c.Get(id); ok {
			t.Errorf("Get(%q) hit", id)
		}
	}
	var files []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 0 {
		t.Errorf("unsafe diffIDs wrote files: %v", files)
	}
}

func TestDisabled(t *testing.T) {
	c, err := Open("", "k")
	if err != nil {
		t.Fatal(err)
	}
	if c.Enabled() {
		t.Error("empty dir gives an enabled cache")
	}
	if err := c.Put(sample()); err != nil {
		t.Error(err)
	}
	if _, ok := c.Get(diffID); ok {
		t.Error("disabled cache hit")
	}
}

func TestKeyIsSanitized(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir, "../../escape/KEY"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "layers", ".._.._escape_key")); err != nil {
		t.Errorf("sanitized key dir missing: %v", err)
	}
}
