package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func TestParse(t *testing.T) {
	dir := t.TempDir()
	tarPath := filepath.Join(dir, "img.tar")
	tgzPath := filepath.Join(dir, "img.tar.gz")
	for _, p := range []string{tarPath, tgzPath} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		ref, kind, rest string
	}{
		{"nginx", KindRegistry, "nginx"},
		{"ghcr.io/org/app@sha256:" + strings.Repeat("a", 64), KindRegistry, "ghcr.io/org/app@sha256:" + strings.Repeat("a", 64)},
		{"localhost:5000/x", KindRegistry, "localhost:5000/x"},
		{"registry:localhost:5000/x", KindRegistry, "localhost:5000/x"},
		{"docker://nginx:1.27", KindRegistry, "nginx:1.27"},
		{"docker-archive:img.tar", KindArchive, "img.tar"},
		{"docker-archive:" + tgzPath, KindArchive, tgzPath},
		{tarPath, KindArchive, tarPath},
		{tgzPath, KindArchive, tgzPath},
		{"oci:" + dir, KindOCI, dir},
		{"oci:" + dir + ":v2", KindOCI, dir + ":v2"},
		{dir, KindOCI, dir},
		{"docker-daemon:myapp", KindDaemon, "myapp"},
		{"docker-daemon:myapp:dev", KindDaemon, "myapp:dev"},
		{"docker-daemon:sha256:" + strings.Repeat("b", 64), KindDaemon, "sha256:" + strings.Repeat("b", 64)},
		// A path that does not exist is a registry reference: only files and
		// directories that are there are read as archives and layouts.
		{filepath.Join(dir, "missing.tar"), KindRegistry, filepath.Join(dir, "missing.tar")},
	}
	for _, tt := range tests {
		kind, rest := Parse(tt.ref)
		if kind != tt.kind || rest != tt.rest {
			t.Errorf("Parse(%q) = %q, %q; want %q, %q", tt.ref, kind, rest, tt.kind, tt.rest)
		}
	}
}

func TestParseReference(t *testing.T) {
	dg := "sha256:" + strings.Repeat("0123456789abcdef", 4)
	tests := []struct {
		ref      string
		insecure []string
		// full is go-containerregistry's name; scheme is how it is reached.
		full, scheme string
		want         facts.Reference
	}{
		{
			ref: "nginx", full: "index.docker.io/library/nginx:latest", scheme: "https",
			want: facts.Reference{Name: "docker.io/library/nginx:latest", Registry: "docker.io", Repository: "library/nginx", Tag: "latest", ImplicitTag: true},
		},
		{
			ref: "nginx:1.27", full: "index.docker.io/library/nginx:1.27", scheme: "https",
			want: facts.Reference{Name: "docker.io/library/nginx:1.27", Registry: "docker.io", Repository: "library/nginx", Tag: "1.27"},
		},
		{
			ref: "docker.io/bitnami/redis", full: "index.docker.io/bitnami/redis:latest", scheme: "https",
			want: facts.Reference{Name: "docker.io/bitnami/redis:latest", Registry: "docker.io", Repository: "bitnami/redis", Tag: "latest", ImplicitTag: true},
		},
		{
			ref: "ghcr.io/org/app@" + dg, full: "ghcr.io/org/app@" + dg, scheme: "https",
			want: facts.Reference{Name: "ghcr.io/org/app@" + dg, Registry: "ghcr.io", Repository: "org/app", Digest: dg},
		},
		{
			ref: "ghcr.io/org/app:v1@" + dg, full: "ghcr.io/org/app@" + dg, scheme: "https",
			want: facts.Reference{Name: "ghcr.io/org/app:v1@" + dg, Registry: "ghcr.io", Repository: "org/app", Tag: "v1", Digest: dg},
		},
		{
			ref: "localhost:5000/x", full: "localhost:5000/x:latest", scheme: "http",
			want: facts.Reference{Name: "localhost:5000/x:latest", Registry: "localhost:5000", Repository: "x", Tag: "latest", ImplicitTag: true},
		},
		{
			ref: "registry.example.com:5000/team/app:2", full: "registry.example.com:5000/team/app:2", scheme: "https",
			want: facts.Reference{Name: "registry.example.com:5000/team/app:2", Registry: "registry.example.com:5000", Repository: "team/app", Tag: "2"},
		},
		{
			ref: "registry.example.com:5000/team/app:2", insecure: []string{"registry.example.com:5000"},
			full: "registry.example.com:5000/team/app:2", scheme: "http",
			want: facts.Reference{Name: "registry.example.com:5000/team/app:2", Registry: "registry.example.com:5000", Repository: "team/app", Tag: "2"},
		},
		{
			ref: "registry.example.com:5000/team/app:2", insecure: []string{"registry.example.com"},
			full: "registry.example.com:5000/team/app:2", scheme: "https",
			want: facts.Reference{Name: "registry.example.com:5000/team/app:2", Registry: "registry.example.com:5000", Repository: "team/app", Tag: "2"},
		},
	}
	for _, tt := range tests {
		r, got, err := ParseReference(tt.ref, tt.insecure)
		if err != nil {
			t.Errorf("ParseReference(%q): %v", tt.ref, err)
			continue
		}
		if r.Name() != tt.full {
			t.Errorf("ParseReference(%q) name = %q, want %q", tt.ref, r.Name(), tt.full)
		}
		if s := r.Context().Scheme(); s != tt.scheme {
			t.Errorf("ParseReference(%q, %q) scheme = %q, want %q", tt.ref, tt.insecure, s, tt.scheme)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseReference(%q) (-want +got):\n%s", tt.ref, diff)
		}
	}
}

func TestParseReferenceErrors(t *testing.T) {
	for _, ref := range []string{"", "UPPER/case", "nginx:", "nginx@sha256:short", "a b", "ghcr.io/org/app:v1:v2"} {
		_, _, err := ParseReference(ref, nil)
		if err == nil {
			t.Errorf("ParseReference(%q) succeeded, want an error", ref)
			continue
		}
		if !strings.Contains(err.Error(), "parsing image reference") {
			t.Errorf("ParseReference(%q) error %q does not say what failed", ref, err)
		}
	}
}
