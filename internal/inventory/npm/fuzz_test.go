package npm

import (
	"context"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzManifest checks that no package.json makes the reader panic, and
// that whatever it lists has a name and a version.
func FuzzManifest(f *testing.F) {
	f.Add(readFile(f, "express.package.json"))
	f.Add([]byte(`{"name":"x","version":"1","licenses":[{"type":"MIT"},"ISC",{"type":[]}]}`))
	f.Add([]byte(`{"name":"x","version":"1","license":{"type":{"type":"MIT"}}}`))
	e := &facts.Entry{Path: "node_modules/x/package.json"}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := New().Extract(context.Background(), e, data)
		checkListed(t, pkgs, err)
	})
}

// FuzzLock checks the same of package-lock.json and yarn.lock files.
func FuzzLock(f *testing.F) {
	for _, fx := range lockFixtures {
		f.Add(fx.path, readFile(f, fx.file))
	}
	f.Add("package-lock.json", []byte(`{"dependencies":{"a":{"version":"npm:@x/y@1","dependencies":{"b":{"version":"npm:@"}}}}}`))
	f.Add("yarn.lock", []byte("\"@\":\n  version \"\"\n@a@:\n  version: x\n\"a@npm:@b@1, c\":\n  version 1\n"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		if lockFile(path) == "" {
			return
		}
		pkgs, err := NewLock().Extract(context.Background(), &facts.Entry{Path: path}, data)
		checkListed(t, pkgs, err)
	})
}

func checkListed(t *testing.T, pkgs []facts.Package, err error) {
	t.Helper()
	for _, p := range pkgs {
		if p.Name == "" || p.Version == "" || p.Type != "npm" {
			t.Fatalf("listed %+v (error %v)", p, err)
		}
		if len(p.Licenses) > maxLicenses {
			t.Fatalf("%d licences kept", len(p.Licenses))
		}
	}
}
