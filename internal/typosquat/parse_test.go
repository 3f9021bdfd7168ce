package typosquat

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Ref
	}{
		{"nginx", Ref{Host: "docker.io", Written: "docker.io", Hub: true, Namespace: "library", Name: "nginx", Path: "library/nginx"}},
		{"NGINX:1.25", Ref{Host: "docker.io", Written: "docker.io", Hub: true, Namespace: "library", Name: "nginx", Path: "library/nginx"}},
		{"index.docker.io/bitnami/redis@sha256:" + strings.Repeat("a", 64), Ref{Host: "docker.io", Written: "index.docker.io", Hub: true, Namespace: "bitnami", Name: "redis", Path: "bitnami/redis"}},
		{"localhost:5000/app:v1", Ref{Host: "localhost", Written: "localhost", Name: "app", Path: "app"}},
		{"ghcr.io/org/team/app", Ref{Host: "ghcr.io", Written: "ghcr.io", Namespace: "org", Name: "app", Path: "org/team/app"}},
		{"registry.k8s.io/pause:3.9", Ref{Host: "registry.k8s.io", Written: "registry.k8s.io", Name: "pause", Path: "pause"}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"", "a//b", "a/ b", "/nginx", strings.Repeat("a", maxRefLen+1)} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"nginx", "nginx", 0},
		{"nginx", "ngnix", 1},
		{"nginx", "nginxx", 1},
		{"nginx", "ngin", 1},
		{"nginx", "nginy", 1},
		{"ca", "abc", 3}, // optimal string alignment, not unrestricted
		{"postgres", "postgis", 2},
		{"", "abc", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSkeleton(t *testing.T) {
	for in, want := range map[string]string{
		"goog1e":     "google",
		"rnicrosoft": "mlcrosoft",
		"microsoft":  "mlcrosoft",
		"nоde":       "node",   // Cyrillic о
		"аlpine":     "alplne", // Cyrillic а
		"vvordpress": "wordpress",
		"c3nt0s":     "centos",
		"CLOUD":      "doud",
	} {
		if got := Skeleton(in); got != want {
			t.Errorf("Skeleton(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseListsRejects(t *testing.T) {
	off, pub, reg := []byte("nginx\tcurrent\n"), []byte("namespace\tbitnami\tx\n"), []byte("ghcr.io\tmulti\tx\n")
	if _, err := ParseLists(off, pub, reg); err != nil {
		t.Fatalf("valid lists: %v", err)
	}
	for name, tc := range map[string][3]string{
		"bad status":      {"nginx\tgone\n", string(pub), string(reg)},
		"one column":      {"nginx\n", string(pub), string(reg)},
		"official slash":  {"a/b\tcurrent\n", string(pub), string(reg)},
		"bad kind":        {string(off), "user\tbob\tx\n", string(reg)},
		"repo no slash":   {string(off), "repository\tbob\tx\n", string(reg)},
		"namespace slash": {string(off), "namespace\ta/b\tx\n", string(reg)},
		"bad tenancy":     {string(off), string(pub), "ghcr.io\tmany\tx\n"},
		"host no dot":     {string(off), string(pub), "ghcr\tmulti\tx\n"},
		"unicode":         {"nginх\tcurrent\n", string(pub), string(reg)},
		"too large":       {strings.Repeat("#\n", maxListSize), string(pub), string(reg)},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseLists([]byte(tc[0]), []byte(tc[1]), []byte(tc[2])); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestDefaultLists(t *testing.T) {
	l, err := DefaultLists()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Official) != 186 || len(l.Namespaces) < 100 || len(l.Repositories) < 50 || len(l.Registries) < 14 {
		t.Errorf("lists hold %d official names, %d namespaces, %d repositories, %d registries",
			len(l.Official), len(l.Namespaces), len(l.Repositories), len(l.Registries))
	}
}
