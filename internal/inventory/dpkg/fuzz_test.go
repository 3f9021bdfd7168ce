package dpkg

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds hostile status files to the parser: it must not
// panic, and every package it lists has a name and version read from a
// field of the input.
func FuzzExtract(f *testing.F) {
	status, err := os.ReadFile("testdata/status")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(status, false)
	f.Add([]byte("Package: a\r\nVersion: 1\r\n\r\nPackage: b\nStatus: install ok installed\nSource: c (2)\nVersion: 3\n"), true)
	f.Add([]byte("Package: a\n continuation\n\n\n:\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, statusD bool) {
		path := statusFile
		if statusD {
			path = "var/lib/dpkg/status.d/a"
		}
		pkgs, _ := New().Extract(context.Background(), file(path), data)
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" {
				t.Fatalf("package without a name or version: %+v", p)
			}
			if utf8.ValidString(p.Name) && !strings.Contains(string(data), p.Name) {
				t.Fatalf("package name %q not in the input", p.Name)
			}
			if len(p.Name) > maxValue || len(p.Version) > maxValue || len(p.SourceVersion) > maxValue {
				t.Fatalf("field over the bound: %+v", p)
			}
		}
	})
}
