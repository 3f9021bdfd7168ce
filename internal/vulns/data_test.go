package vulns

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/inventory/apk"
	"github.com/customs-oss/customs/internal/osrelease"
	"github.com/customs-oss/customs/internal/osv"
	"github.com/customs-oss/customs/internal/vulndb"
)

// The real reference data the tests match: the saved alpine:3.10.2 image,
// the Alpine 3.10 secdb of 2020 and the Go vulnerability database's
// records for the modules the tests use (testdata/NOTICE.md).
const (
	alpineArchive = "../cleanimage/testdata/alpine-310.tar.gz"
	secdbDir      = "testdata/alpine-secdb"
	goRecords     = "testdata/osv-go"
)

// alpineImage reads the saved alpine:3.10.2 image the way the inventory
// does: its os-release and its apk database, through the apk extractor.
func alpineImage(t testing.TB) *facts.Image {
	t.Helper()
	files := readLayerFiles(t, alpineArchive, "etc/os-release", "lib/apk/db/installed")
	rel, err := osrelease.Parse(files["etc/os-release"])
	if err != nil {
		t.Fatal(err)
	}
	e := &facts.Entry{Path: "lib/apk/db/installed", Type: facts.TypeFile}
	pkgs, err := apk.New().Extract(context.Background(), e, files["lib/apk/db/installed"])
	if err != nil {
		t.Fatal(err)
	}
	for i := range pkgs {
		pkgs[i].Path = "lib/apk/db/installed"
	}
	return &facts.Image{OS: facts.OS{ID: rel["ID"], VersionID: rel["VERSION_ID"]}, Packages: pkgs}
}

// readLayerFiles returns the named files of the layers of a gzipped docker
// save.
func readLayerFiles(t testing.TB, path string, names ...string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	outer := tar.NewReader(zr)
	for {
		h, err := outer.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(h.Name, "/layer.tar") {
			continue
		}
		inner := tar.NewReader(outer)
		for {
			h, err := inner.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names {
				if strings.TrimPrefix(h.Name, "./") == n {
					b, err := io.ReadAll(io.LimitReader(inner, 64<<20))
					if err != nil {
						t.Fatal(err)
					}
					out[n] = b
				}
			}
		}
	}
	for _, n := range names {
		if out[n] == nil {
			t.Fatalf("%s holds no %s", path, n)
		}
	}
	return out
}

// secDB converts the Alpine secdb files of one release to OSV records.
func secDB(t testing.TB, release string) []*osv.Vulnerability {
	t.Helper()
	var all []*osv.Vulnerability
	for _, repo := range []string{"main", "community"} {
		data, err := os.ReadFile(filepath.Join(secdbDir, release, repo+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		_, _, vs, err := vulndb.ParseSecDB(data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, vs...)
	}
	return all
}

// goDatabase reads the whole Go vulnerability database.
func goDatabase(t testing.TB) []*osv.Vulnerability {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(goRecords, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 250 {
		t.Fatalf("%d records in the Go database, want the 256 kept in testdata", len(paths))
	}
	vs := make([]*osv.Vulnerability, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		v, err := osv.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		vs = append(vs, v)
	}
	return vs
}
