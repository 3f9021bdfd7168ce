package scan

import (
	"io/fs"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory"
)

func TestCollect(t *testing.T) {
	for _, tc := range []struct {
		path string
		mode fs.FileMode
		size int64
		typ  facts.Type
		want bool
	}{
		{"etc/passwd", 0o644, 900, facts.TypeFile, true},
		{"etc/os-release", 0o644, 300, facts.TypeFile, true},
		{"docker-entrypoint.sh", 0o755, 1500, facts.TypeFile, true},
		{"usr/local/bin/docker-entrypoint.sh", 0o755, 40 << 10, facts.TypeFile, true},
		{"docker-entrypoint.d/10-listen.sh", 0o755, 2000, facts.TypeFile, true},
		{"docker-entrypoint.d/15-resolvers.envsh", 0o755, 2000, facts.TypeFile, true},
		{"etc/supervisor/conf.d/app.conf", 0o644, 300, facts.TypeFile, true},
		{"etc/s6-overlay/s6-rc.d/app/run", 0o755, 300, facts.TypeFile, true},
		{"etc/services.d/app/run", 0o755, 300, facts.TypeFile, true},
		{"app/start", 0o644, 300, facts.TypeFile, true},
		{"app/run-server", 0o644, 300, facts.TypeFile, true},
		{"app/runtime.js", 0o644, 300, facts.TypeFile, false},
		{"opt/tool/wrapper", 0o755, 10 << 10, facts.TypeFile, true},
		{"opt/tool/bigprogram", 0o755, 200 << 10, facts.TypeFile, false},
		{"app/notes.txt", 0o644, 300, facts.TypeFile, false},
		{"usr/bin/zgrep", 0o755, 8 << 10, facts.TypeFile, false},
		{"usr/share/doc/x/run.sh", 0o755, 300, facts.TypeFile, false},
		{"bin/run-parts", 0o755, 20 << 10, facts.TypeFile, false},
		{"app/node_modules/x/bin/cli.sh", 0o755, 300, facts.TypeFile, false},
		{"usr/local/lib/python3.12/site-packages/x/run.sh", 0o755, 300, facts.TypeFile, false},
		{"entrypoint.sh", 0o777, 0, facts.TypeSymlink, false},
	} {
		e := &facts.Entry{Path: tc.path, Mode: tc.mode, Size: tc.size, Type: tc.typ}
		if got := collect(e); got != tc.want {
			t.Errorf("collect(%s) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestCacheKeyNamesCollectVersion: a change of the collect rule changes the
// cache key, so layers collected under an older rule are read again.
func TestCacheKeyNamesCollectVersion(t *testing.T) {
	a := newCheckSet(nil).cacheKey(inventory.Set{})
	if a == "" || a != newCheckSet(nil).cacheKey(inventory.Set{}) {
		t.Fatalf("cache key %q is not stable", a)
	}
	if got := cacheKeyFor(nil, collectVersion+1, inventory.Set{}); got == a {
		t.Error("the cache key does not depend on the collect version")
	}
}
