package composer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestKind(t *testing.T) {
	tests := []struct{ path, want string }{
		{"var/www/html/vendor/composer/installed.json", "installed.json"},
		{"vendor/composer/installed.json", "installed.json"},
		{"root/.composer/vendor/composer/installed.json", "installed.json"},
		{"var/www/html/composer.lock", "composer.lock"},
		{"composer.lock", "composer.lock"},
		{"var/www/html/vendor/guzzlehttp/guzzle/composer.lock", ""},
		{"vendor/x/y/composer.lock", ""},
		{"app/my-composer.lock", ""},
		{"app/composer/installed.json", ""},
		{"app/vendor/composer/installed.json.bak", ""},
	}
	for _, tt := range tests {
		if got := kind(tt.path); got != tt.want {
			t.Errorf("kind(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, path string
		data       string
		want       []facts.Package
		wantErr    bool
	}{
		{
			name: "Composer 2 installed.json, dev packages included",
			path: "app/vendor/composer/installed.json",
			data: string(readFile(t, "installed-v2.json")),
			want: []facts.Package{
				{Type: "composer", Name: "monolog/monolog", Version: "3.4.0", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "nikic/php-parser", Version: "v4.17.1", Licenses: []string{"BSD-3-Clause"}},
				{Type: "composer", Name: "psr/log", Version: "3.0.0", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "phpunit/phpunit", Version: "10.3.2", Licenses: []string{"BSD-3-Clause"}},
			},
		},
		{
			name: "Composer 1 installed.json, a string licence and a branch",
			path: "vendor/composer/installed.json",
			data: string(readFile(t, "installed-v1.json")),
			want: []facts.Package{
				{Type: "composer", Name: "zendframework/zend-stdlib", Version: "3.1.0", Licenses: []string{"BSD-3-Clause"}},
				{Type: "composer", Name: "psr/container", Version: "1.0.0", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "symfony/polyfill-mbstring", Version: "dev-master", Licenses: []string{"MIT"}},
			},
		},
		{
			name: "composer.lock, packages then packages-dev",
			path: "srv/composer.lock",
			data: string(readFile(t, "composer.lock")),
			want: []facts.Package{
				{Type: "composer", Name: "guzzlehttp/guzzle", Version: "7.8.0", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "symfony/http-foundation", Version: "v6.3.4", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "phpunit/phpunit", Version: "10.3.2", Licenses: []string{"BSD-3-Clause"}},
			},
		},
		{
			name: "byte order mark, records without a version, odd licences",
			path: "vendor/composer/installed.json",
			data: "\ufeff[{\"name\": \"a/b\"}, {\"version\": \"1.0.0\"}, {\"name\": \"c/d\", \"version\": \"1.0.0\", \"license\": [\" \", \"MIT\"]}, {\"name\": \"e/f\", \"version\": \"2\", \"license\": {\"x\": 1}}]",
			want: []facts.Package{
				{Type: "composer", Name: "c/d", Version: "1.0.0", Licenses: []string{"MIT"}},
				{Type: "composer", Name: "e/f", Version: "2"},
			},
		},
		{
			name:    "truncated",
			path:    "composer.lock",
			data:    `{"packages": [{"name": "a/b", "version": "1.0.0"}`,
			wantErr: true,
		},
		{
			name:    "version of the wrong type",
			path:    "vendor/composer/installed.json",
			data:    `{"packages": [{"name": "a/b", "version": 1}]}`,
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), &facts.Entry{Path: tt.path}, []byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzExtract checks that no installed.json or composer.lock makes the
// reader panic, and that whatever it lists has a name and a version.
func FuzzExtract(f *testing.F) {
	f.Add("vendor/composer/installed.json", readFile(f, "installed-v1.json"))
	f.Add("vendor/composer/installed.json", readFile(f, "installed-v2.json"))
	f.Add("composer.lock", readFile(f, "composer.lock"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		if kind(path) == "" {
			return
		}
		pkgs, _ := New().Extract(context.Background(), &facts.Entry{Path: path}, data)
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" || len(p.Licenses) > maxLicenses {
				t.Fatalf("listed %+v", p)
			}
		}
	})
}

func BenchmarkInstalled(b *testing.B) {
	data := readFile(b, "installed-v2.json")
	e := &facts.Entry{Path: "vendor/composer/installed.json"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Extract(context.Background(), e, data); err != nil {
			b.Fatal(err)
		}
	}
}
