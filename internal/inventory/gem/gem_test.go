package gem

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

func TestIsSpec(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec", true},
		{"usr/lib/ruby/gems/3.1.0/specifications/default/digest-3.1.0.gemspec", true},
		{"usr/local/bundle/specifications/rack-2.2.3.gemspec", true},
		{"usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec", true},
		{"usr/local/bundle/gems/rack-2.2.3/rack.gemspec", false},
		{"app/rack.gemspec", false},
		{"usr/lib/ruby/gems/3.1.0/specifications/rake-13.0.6.gemspec.bak", false},
		{"usr/lib/ruby/gems/3.1.0/specifications/default/x/y.gemspec", false},
		{"specifications/x.gemspec", true},
	}
	for _, tt := range tests {
		if got := isSpec(tt.path); got != tt.want {
			t.Errorf("isSpec(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    []facts.Package
		wantErr bool
	}{
		{
			name: "installed by RubyGems 3.3",
			data: string(readFile(t, "minitest-5.15.0.gemspec")),
			want: []facts.Package{{Type: "gem", Name: "minitest", Version: "5.15.0", Licenses: []string{"MIT"}}},
		},
		{
			name: "default gem shipped with Ruby 3.1, NUL bytes and all",
			data: string(readFile(t, "digest-3.1.0.gemspec")),
			want: []facts.Package{{Type: "gem", Name: "digest", Version: "3.1.0", Licenses: []string{"Ruby", "BSD-2-Clause"}}},
		},
		{
			name: "Debian's rubygems-integration",
			data: string(readFile(t, "rake-13.0.6.gemspec")),
			want: []facts.Package{{Type: "gem", Name: "rake", Version: "13.0.6", Licenses: []string{"MIT"}}},
		},
		{
			name: "RubyGems 1.x %q literals",
			data: "# -*- encoding: utf-8 -*-\n\nGem::Specification.new do |s|\n  s.name = %q{rack}\n  s.version = \"1.1.0\"\n\n  s.required_rubygems_version = Gem::Requirement.new(\">= 0\") if s.respond_to? :required_rubygems_version=\n  s.authors = [%q{Christian Neukirchen}]\n  s.licenses = [%q<MIT>, %Q(Ruby)]\nend\n",
			want: []facts.Package{{Type: "gem", Name: "rack", Version: "1.1.0", Licenses: []string{"MIT", "Ruby"}}},
		},
		{
			name: "another block variable, single quotes, singular license",
			data: "Gem::Specification.new do |spec|\n  spec.name    = 'my_gem'\n  spec.version = '0.1.0.pre'\n  spec.license = 'Apache-2.0'\n  s.name = 'not this'\nend\n",
			want: []facts.Package{{Type: "gem", Name: "my_gem", Version: "0.1.0.pre", Licenses: []string{"Apache-2.0"}}},
		},
		{
			name: "only the stub comment",
			data: "# -*- encoding: utf-8 -*-\n# stub: nokogiri 1.13.10 x86_64-linux lib\n\nGem::Specification.new do |s|\n  s.name = NAME\nend\n",
			want: []facts.Package{{Type: "gem", Name: "nokogiri", Version: "1.13.10"}},
		},
		{
			name: "comparison and escapes",
			data: "Gem::Specification.new do |s|\n  s.name == \"x\"\n  s.name = \"a\\\"b\".freeze\n  s.version = \"1.0\" % 3\n  s.licenses = [\"MIT\" % x, %w(a), \"\"]\nend\n",
			want: []facts.Package{{Type: "gem", Name: "a\"b", Version: "1.0", Licenses: []string{"MIT"}}},
		},
		{
			name:    "no version",
			data:    "Gem::Specification.new do |s|\n  s.name = \"x\"\nend\n",
			wantErr: true,
		},
		{
			name:    "unterminated",
			data:    "Gem::Specification.new do |s|\n  s.name = \"x\n  s.version = %q{1.0\n",
			wantErr: true,
		},
	}
	e := &facts.Entry{Path: "specifications/x.gemspec"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), e, []byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzSpec checks that no gemspec makes the reader panic, and that
// whatever it lists has a name and a version.
func FuzzSpec(f *testing.F) {
	for _, name := range []string{"minitest-5.15.0.gemspec", "digest-3.1.0.gemspec", "rake-13.0.6.gemspec"} {
		f.Add(readFile(f, name))
	}
	f.Add([]byte("Gem::Specification.new do ||\n|.name = %q\n.version = %Q<<>\n# stub: a\n"))
	e := &facts.Entry{Path: "specifications/x.gemspec"}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := New().Extract(context.Background(), e, data)
		if err == nil && len(pkgs) != 1 {
			t.Fatalf("listed %d packages without an error", len(pkgs))
		}
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" || len(p.Licenses) > maxLicenses {
				t.Fatalf("listed %+v", p)
			}
		}
	})
}

func BenchmarkSpec(b *testing.B) {
	data := readFile(b, "minitest-5.15.0.gemspec")
	e := &facts.Entry{Path: "specifications/x.gemspec"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Extract(context.Background(), e, data); err != nil {
			b.Fatal(err)
		}
	}
}
