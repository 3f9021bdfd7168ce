package purl

import (
	"testing"

	packageurl "github.com/package-url/packageurl-go"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzFor checks that whatever names and versions an image's metadata
// declares, the URL For writes parses back to the same type, name and
// version.
func FuzzFor(f *testing.F) {
	f.Add("deb", "libc6", "2.36-9+deb12u4", "glibc", "amd64", "debian", "12")
	f.Add("rpm", "openssl-libs", "1:3.0.7-27.el9", "", "x86_64", "rhel", "9.4")
	f.Add("npm", "@types/node", "20.1.0", "", "", "", "")
	f.Add("golang", "github.com/BurntSushi/toml", "v1.6.0", "", "", "", "")
	f.Add("maven", "org.apache:commons-io", "2.11.0", "", "", "", "")
	f.Add("composer", "a/b/c", "1%2F", "", "", "", "")
	f.Add("pypi", "a?b#c@d", "1 2", "", "", "", "")
	f.Fuzz(func(t *testing.T, typ, name, version, source, arch, id, versionID string) {
		p := facts.Package{Type: typ, Name: name, Version: version, Source: source, Arch: arch}
		got := For(p, facts.OS{ID: id, VersionID: versionID})
		if got == "" {
			return
		}
		u, err := packageurl.FromString(got)
		if err != nil {
			t.Fatalf("For(%+v) = %q, which does not parse: %v", p, got, err)
		}
		if u.Type != typ {
			t.Errorf("%q has type %q, want %q", got, u.Type, typ)
		}
		if u.Version != "" && u.Version != version && typ != "rpm" {
			t.Errorf("%q has version %q, want %q", got, u.Version, version)
		}
	})
}
