// Package cache keeps the facts of each layer on disk, keyed by the layer's
// diffID and the version of the analysis that produced them, so that the next
// image sharing a layer costs nothing for it.
package cache

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Cache is a directory of layer facts. The zero value is a disabled cache.
type Cache struct {
	dir string
}

// Open returns the cache in dir for analysis key (which names the versions
// of the pass and of the content checks). An empty dir disables caching.
func Open(dir, key string) (*Cache, error) {
	if dir == "" {
		return &Cache{}, nil
	}
	d := filepath.Join(dir, "layers", sanitize(key))
	if err := os.MkdirAll(d, 0o700); err != nil {
		return nil, fmt.Errorf("creating cache dir: %w", err)
	}
	return &Cache{dir: d}, nil
}

// DefaultDir is $XDG_CACHE_HOME/customs or its platform equivalent.
func DefaultDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "customs")
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}

func (c *Cache) path(diffID string) (string, bool) {
	if c == nil || c.dir == "" {
		return "", false
	}
	alg, hex, ok := strings.Cut(diffID, ":")
	if !ok || alg != "sha256" || len(hex) != 64 || sanitize(hex) != hex {
		return "", false
	}
	return filepath.Join(c.dir, hex+".gob"), true
}

// Get returns the cached facts of a layer, or false. A corrupt entry is
// removed and reported as a miss.
func (c *Cache) Get(diffID string) (*facts.LayerFacts, bool) {
	p, ok := c.path(diffID)
	if !ok {
		return nil, false
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var lf facts.LayerFacts
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&lf); err != nil || lf.DiffID != diffID {
		os.Remove(p)
		return nil, false
	}
	return &lf, true
}

// Put stores the facts of a layer atomically.
func (c *Cache) Put(lf *facts.LayerFacts) error {
	p, ok := c.path(lf.DiffID)
	if !ok {
		return nil
	}
	tmp, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("caching layer %s: %w", lf.DiffID, err)
	}
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = errors.Join(gob.NewEncoder(w).Encode(lf), w.Flush(), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("caching layer %s: %w", lf.DiffID, err)
	}
	return nil
}

// Enabled reports whether the cache stores anything.
func (c *Cache) Enabled() bool { return c != nil && c.dir != "" }
