package apk

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds hostile databases to the parser: it must not panic,
// and every package it lists has a name and version read from the input.
func FuzzExtract(f *testing.F) {
	installed, err := os.ReadFile("testdata/installed")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(installed)
	f.Add([]byte("P:a\r\nV:1\r\n\r\nP:b\nV:2\no:c\nL:MIT\n"))
	f.Add([]byte("P:\nV:\n\n\nx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _ := New().Extract(context.Background(), file(installedFile), data)
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" {
				t.Fatalf("package without a name or version: %+v", p)
			}
			if utf8.ValidString(p.Name) && !strings.Contains(string(data), "P:"+p.Name) {
				t.Fatalf("package name %q not in the input", p.Name)
			}
			if len(p.Name) > maxValue || len(p.Version) > maxValue || len(p.Source) > maxValue {
				t.Fatalf("field over the bound: %+v", p)
			}
		}
	})
}
