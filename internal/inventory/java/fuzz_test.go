package java

import (
	"context"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(commonsIOManifest))
	f.Add([]byte(guavaManifest))
	f.Add([]byte(" x\r\n:\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for k, v := range parseManifest(data) {
			if strings.ContainsAny(k+v, "\r\n") {
				t.Fatalf("attribute %q: %q keeps a line break", k, v)
			}
		}
	})
}

func FuzzParseProperties(f *testing.F) {
	f.Add([]byte("groupId=g\nartifactId=a\nversion=1\n"))
	f.Add([]byte("a\\\n b\\\\\n c:d \\"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for k, v := range parseProperties(data) {
			if strings.ContainsAny(k+v, "\r\n") {
				t.Fatalf("property %q: %q keeps a line break", k, v)
			}
		}
	})
}

// FuzzExtract feeds any bytes to the archive reader: damaged, truncated
// or hostile zips must yield an error or packages, never a panic, and every
// package must be complete and point into the archive.
func FuzzExtract(f *testing.F) {
	lib := jar(f, pom("org.yaml", "snakeyaml", "1.33"), text("META-INF/MANIFEST.MF", commonsIOManifest))
	f.Add(lib)
	f.Add(jar(f, entry{name: "WEB-INF/lib/a-1.0.jar", data: lib, stored: true}, text("META-INF/MANIFEST.MF", guavaManifest)))
	f.Add(jar(f, entry{name: "lib/b.jar", data: jar(f, entry{name: "lib/c.jar", data: lib})}))
	f.Add(lib[:len(lib)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := New().Extract(context.Background(), &facts.Entry{Path: "app-1.0.war", Size: int64(len(data))}, data)
		for _, p := range pkgs {
			if p.Type != "maven" || p.Name == "" || p.Version == "" || !strings.HasPrefix(p.Path, "app-1.0.war") {
				t.Fatalf("bad package %+v", p)
			}
		}
	})
}
