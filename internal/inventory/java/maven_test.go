package java

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// TestMavenLibraries reads the jars Maven ships with, as Debian packages
// them: some with pom.properties, some with a manifest only, a few (such
// as aopalliance.jar) with no version anywhere.
func TestMavenLibraries(t *testing.T) {
	jars, _ := filepath.Glob("/usr/share/maven/lib/*.jar")
	if len(jars) == 0 {
		t.Skip("Maven is not installed")
	}
	for _, path := range jars {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			e := &facts.Entry{Path: path[1:], Size: int64(len(data))}
			pkgs, err := New().Extract(context.Background(), e, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(pkgs) == 0 && versioned(t, data) {
				t.Fatal("no package, yet the jar records a version")
			}
			for _, p := range pkgs {
				if p.Version == "" || p.Name == "" || p.Type != "maven" {
					t.Errorf("incomplete package %+v", p)
				}
			}
			t.Logf("%+v", pkgs)
		})
	}
}

// versioned reports whether a jar records its version anywhere customs
// looks: a pom.properties, or a version in its manifest.
func versioned(t *testing.T, data []byte) bool {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/pom.properties") {
			return true
		}
		if f.Name != "META-INF/MANIFEST.MF" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("Implementation-Version:")) || bytes.Contains(b, []byte("Bundle-Version:")) {
			return true
		}
	}
	return false
}
