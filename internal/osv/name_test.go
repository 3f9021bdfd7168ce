package osv

import (
	"strings"
	"testing"
)

func TestPackageKey(t *testing.T) {
	for _, tc := range []struct{ eco, name, want string }{
		{"PyPI", "Django", "django"},
		{"PyPI", "zope.interface", "zope-interface"},
		{"PyPI", "Foo__Bar-.baz", "foo-bar-baz"},
		{"PyPI", "requests", "requests"},
		{"Go", "github.com/Foo/Bar", "github.com/Foo/Bar"},
		{"npm", "@Scope/Pkg_x", "@Scope/Pkg_x"},
		{"Alpine:v3.10", "py3-Foo_bar", "py3-Foo_bar"},
		{"Debian:12", "libc6", "libc6"},
	} {
		if got := PackageKey(tc.eco, tc.name); got != tc.want {
			t.Errorf("PackageKey(%q, %q) = %q, want %q", tc.eco, tc.name, got, tc.want)
		}
	}
}

func FuzzPackageKey(f *testing.F) {
	for _, s := range []string{"Zope.Interface", "a__b", "-x-", "", "ÄÖ_ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		k := PackageKey("PyPI", name)
		if again := PackageKey("PyPI", k); again != k {
			t.Fatalf("PackageKey not idempotent: %q -> %q -> %q", name, k, again)
		}
		if strings.ContainsAny(k, "_.") || strings.Contains(k, "--") {
			t.Fatalf("PackageKey(%q) = %q keeps a separator run", name, k)
		}
		if PackageKey("Go", name) != name {
			t.Fatalf("Go names changed")
		}
	})
}
