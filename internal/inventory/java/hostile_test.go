package java

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// lying writes one entry whose header declares declared bytes while its
// deflated data unpacks to content.
func lying(t *testing.T, name string, content []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(comp.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHostileArchives(t *testing.T) {
	zeros := make([]byte, 4<<20)
	props := append([]byte("groupId=g\nartifactId=a\nversion=1\n#"), zeros...)
	for _, tc := range []struct {
		name, wantErr string
		data          []byte
	}{
		{name: "understated size", data: lying(t, "META-INF/maven/g/a/pom.properties", props, 30), wantErr: "pom.properties"},
		{name: "overstated size", data: lying(t, "META-INF/MANIFEST.MF", []byte("Manifest-Version: 1.0\n"), 1<<40), wantErr: "over the 1048576 byte limit"},
		{name: "bomb in a nested archive", data: lying(t, "WEB-INF/lib/x.jar", zeros, 100), wantErr: "WEB-INF/lib/x.jar"},
		{name: "truncated", data: jar(t, pom("g", "a", "1"))[:60], wantErr: "opening archive"},
		{name: "path traversal names", data: jar(t, pom("g", "a", "1"), text("../../etc/passwd", "root::0:0::/:/bin/sh\n")), wantErr: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New().Extract(context.Background(), &facts.Entry{Path: "x.war"}, tc.data)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("error = %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	inner := jar(t, pom("g", "a", "1"), entry{name: "blob.bin", data: bytes.Repeat([]byte("x"), 300<<10), stored: true})
	outer := jar(t, entry{name: "lib/a.jar", data: inner}, entry{name: "lib/b.jar", data: inner}, entry{name: "lib/c.jar", data: inner})
	r := reader{budget: 700 << 10}
	pkgs, err := r.archive(context.Background(), "x.ear", outer, 0)
	if len(pkgs) != 2 || err == nil || !strings.Contains(err.Error(), "lib/c.jar") {
		t.Errorf("with a budget for two nested jars: %d packages, error %v", len(pkgs), err)
	}
	r = reader{budget: maxUnpacked, entries: maxEntries - 1}
	if _, err := r.archive(context.Background(), "x.jar", inner, 0); err == nil {
		t.Error("entry limit not enforced")
	}
}

func TestErrorsBounded(t *testing.T) {
	var entries []entry
	for i := range 50 {
		entries = append(entries, entry{name: "WEB-INF/lib/broken" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".jar", data: []byte("not a zip")})
	}
	_, err := New().Extract(context.Background(), &facts.Entry{Path: "x.war"}, jar(t, entries...))
	if err == nil || strings.Count(err.Error(), "opening archive") != maxErrors || !strings.Contains(err.Error(), "and 42 more errors") {
		t.Errorf("error = %v", err)
	}
}
