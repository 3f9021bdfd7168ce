package apk

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// alpineImage is a docker save of the official alpine:3.10.2 image.
const alpineImage = "../../cleanimage/testdata/alpine-310.tar.gz"

// checkAlpine310 asserts what alpine:3.10.2 has installed.
func checkAlpine310(t *testing.T, pkgs []facts.Package) {
	t.Helper()
	if len(pkgs) != 14 {
		t.Errorf("%d packages, want 14", len(pkgs))
	}
	want := map[string]facts.Package{
		"libcrypto1.1": {Type: "apk", Name: "libcrypto1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2", Arch: "x86_64", Licenses: []string{"OpenSSL"}},
		"libssl1.1":    {Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2", Arch: "x86_64", Licenses: []string{"OpenSSL"}},
		"musl":         {Type: "apk", Name: "musl", Version: "1.1.22-r3", Source: "musl", SourceVersion: "1.1.22-r3", Arch: "x86_64", Licenses: []string{"MIT"}},
	}
	for _, p := range pkgs {
		if w, ok := want[p.Name]; ok {
			if diff := cmp.Diff(w, p); diff != "" {
				t.Errorf("%s (-want +got):\n%s", p.Name, diff)
			}
			delete(want, p.Name)
		}
	}
	for name := range want {
		t.Errorf("%s not listed", name)
	}
}

// TestGolden lists the packages of the database copied from alpine:3.10.2.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/installed")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := New().Extract(context.Background(), file(installedFile), data)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkAlpine310(t, pkgs)
	got, err := json.MarshalIndent(pkgs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "installed.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("packages differ from %s (-want +got):\n%s", golden, diff)
	}
}

// TestAlpineImage reads the database straight from the layer of the
// saved alpine:3.10.2 image.
func TestAlpineImage(t *testing.T) {
	data := installedFromImage(t, alpineImage)
	pkgs, err := New().Extract(context.Background(), file(installedFile), data)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkAlpine310(t, pkgs)
}

// installedFromImage returns lib/apk/db/installed from the first layer of
// a gzip-compressed docker save holding it, skipping when the image is
// absent.
func installedFromImage(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("image not available: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	outer := tar.NewReader(zr)
	for {
		h, err := outer.Next()
		if errors.Is(err, io.EOF) {
			t.Fatalf("%s: no layer holds %s", path, installedFile)
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.HasSuffix(h.Name, "/layer.tar") {
			continue
		}
		if data, ok := findInTar(t, outer, installedFile); ok {
			return data
		}
	}
}

// findInTar returns the content of the file name in the tar read from r.
func findInTar(t *testing.T, r io.Reader, name string) ([]byte, bool) {
	t.Helper()
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, false
		}
		if err != nil {
			t.Fatalf("reading a layer: %v", err)
		}
		if strings.TrimPrefix(h.Name, "./") == name {
			data, err := io.ReadAll(io.LimitReader(tr, maxInstalled))
			if err != nil {
				t.Fatal(err)
			}
			return data, true
		}
	}
}
