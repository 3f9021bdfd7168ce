package walk

import (
	"path"
	"strings"
	"testing"
)

func TestCleanPath(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		unsafe     bool
	}{
		{name: "etc/passwd", want: "etc/passwd"},
		{name: "/etc/passwd", want: "etc/passwd"},
		{name: "//etc//passwd/", want: "etc/passwd"},
		{name: "./etc/./passwd", want: "etc/passwd"},
		{name: "etc/", want: "etc"},
		{name: "", want: ""},
		{name: "/", want: ""},
		{name: ".", want: ""},
		{name: "./", want: ""},
		{name: "...", want: "..."},
		{name: "..a/b..", want: "..a/b.."},
		{name: "a\\..\\b", want: "a\\..\\b"}, // backslashes are ordinary characters
		{name: "..", unsafe: true},
		{name: "../etc", unsafe: true},
		{name: "/../etc", unsafe: true},
		{name: "a/../b", unsafe: true},
		{name: "a/..", unsafe: true},
		{name: "a/b/../../..", unsafe: true},
		{name: "a\x00b", unsafe: true},
		{name: strings.Repeat("a", maxPathLen), want: strings.Repeat("a", maxPathLen)},
		{name: strings.Repeat("a", maxPathLen+1), unsafe: true},
	} {
		got, err := cleanPath(tc.name)
		if tc.unsafe {
			if errKind(err) != "unsafe" {
				t.Errorf("cleanPath(%q) = %q, %v; want an unsafe entry error", tc.name, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("cleanPath(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

// FuzzCleanPath: whatever the name, a cleaned path is relative, has no empty,
// "." or ".." element, is its own cleaning, and is refused only for a reason.
func FuzzCleanPath(f *testing.F) {
	for _, seed := range []string{"etc/passwd", "/a//b/./c/", "../x", "a/../b", ".", "", "a\x00", "....//..//", strings.Repeat("ab/", 2000)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got, err := cleanPath(name)
		if err != nil {
			if errKind(err) != "unsafe" {
				t.Fatalf("cleanPath(%q): error %v is not an UnsafeError", name, err)
			}
			refused := len(name) > maxPathLen || strings.ContainsRune(name, 0)
			for _, part := range strings.Split(name, "/") {
				refused = refused || part == ".."
			}
			if !refused {
				t.Fatalf("cleanPath(%q) refused a harmless name: %v", name, err)
			}
			return
		}
		if got == "" {
			return
		}
		if strings.HasPrefix(got, "/") || strings.HasSuffix(got, "/") || len(got) > maxPathLen {
			t.Fatalf("cleanPath(%q) = %q", name, got)
		}
		for _, part := range strings.Split(got, "/") {
			if part == "" || part == "." || part == ".." {
				t.Fatalf("cleanPath(%q) = %q has element %q", name, got, part)
			}
		}
		if path.Clean(got) != got {
			t.Fatalf("cleanPath(%q) = %q is not clean", name, got)
		}
		if again, err := cleanPath(got); err != nil || again != got {
			t.Fatalf("cleanPath(%q) = %q, %v; not idempotent", got, again, err)
		}
	})
}
