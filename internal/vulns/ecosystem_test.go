package vulns

import (
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func TestEcosystem(t *testing.T) {
	debian := facts.OS{ID: "debian", VersionID: "12"}
	tests := []struct {
		name string
		pkg  facts.Package
		os   facts.OS
		want Target // zero when not covered
	}{
		{"debian by source", facts.Package{Type: "deb", Name: "libssl3", Version: "3.0.11-1~deb12u2", Source: "openssl", SourceVersion: "3.0.11-1~deb12u2"}, debian, Target{"Debian:12", "openssl", "3.0.11-1~deb12u2"}},
		{"debian binNMU source version", facts.Package{Type: "deb", Name: "libfoo1", Version: "1.0-1+b1", Source: "foo", SourceVersion: "1.0-1"}, debian, Target{"Debian:12", "foo", "1.0-1"}},
		{"debian no source", facts.Package{Type: "deb", Name: "bash", Version: "5.2.15-2+b2"}, facts.OS{ID: "debian", VersionID: "11.7"}, Target{"Debian:11", "bash", "5.2.15-2+b2"}},
		{"distroless reports debian", facts.Package{Type: "deb", Name: "base-files", Version: "12.4"}, facts.OS{ID: "debian", VersionID: "12", Distroless: true}, Target{"Debian:12", "base-files", "12.4"}},
		{"debian testing", facts.Package{Type: "deb", Name: "bash", Version: "5.2"}, facts.OS{ID: "debian"}, Target{}},
		{"ubuntu LTS", facts.Package{Type: "deb", Name: "libc6", Version: "2.35-0ubuntu3.6", Source: "glibc"}, facts.OS{ID: "ubuntu", VersionID: "22.04"}, Target{"Ubuntu:22.04:LTS", "glibc", "2.35-0ubuntu3.6"}},
		{"ubuntu 14.04 LTS", facts.Package{Type: "deb", Name: "bash", Version: "4.3"}, facts.OS{ID: "ubuntu", VersionID: "14.04"}, Target{"Ubuntu:14.04:LTS", "bash", "4.3"}},
		{"ubuntu interim", facts.Package{Type: "deb", Name: "bash", Version: "5.2"}, facts.OS{ID: "ubuntu", VersionID: "23.10"}, Target{"Ubuntu:23.10", "bash", "5.2"}},
		{"ubuntu odd april", facts.Package{Type: "deb", Name: "bash", Version: "5.2"}, facts.OS{ID: "ubuntu", VersionID: "23.04"}, Target{"Ubuntu:23.04", "bash", "5.2"}},
		{"deb on unknown OS", facts.Package{Type: "deb", Name: "bash", Version: "5.2"}, facts.OS{}, Target{}},
		{"alpine by origin", facts.Package{Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2"}, facts.OS{ID: "alpine", VersionID: "3.10.2"}, Target{"Alpine:v3.10", "openssl", "1.1.1d-r2"}},
		{"alpine two-part version", facts.Package{Type: "apk", Name: "musl", Version: "1.2.4-r2"}, facts.OS{ID: "alpine", VersionID: "3.19"}, Target{"Alpine:v3.19", "musl", "1.2.4-r2"}},
		{"apk on wolfi", facts.Package{Type: "apk", Name: "glibc", Version: "2.38-r1"}, facts.OS{ID: "wolfi", VersionID: "20230201"}, Target{}},
		{"rocky", facts.Package{Type: "rpm", Name: "openssl-libs", Version: "1:3.0.7-24.el9", Source: "openssl"}, facts.OS{ID: "rocky", VersionID: "9.3"}, Target{"Rocky Linux:9", "openssl-libs", "1:3.0.7-24.el9"}},
		{"alma", facts.Package{Type: "rpm", Name: "bash", Version: "5.1.8-6.el9"}, facts.OS{ID: "almalinux", VersionID: "9.2"}, Target{"AlmaLinux:9", "bash", "5.1.8-6.el9"}},
		{"opensuse leap", facts.Package{Type: "rpm", Name: "bash", Version: "4.4-150400.25.22"}, facts.OS{ID: "opensuse-leap", VersionID: "15.5"}, Target{"openSUSE:Leap 15.5", "bash", "4.4-150400.25.22"}},
		{"rhel not covered", facts.Package{Type: "rpm", Name: "bash", Version: "5.1.8-6.el9"}, facts.OS{ID: "rhel", VersionID: "9.2"}, Target{}},
		{"npm scoped", facts.Package{Type: "npm", Name: "@babel/core", Version: "7.0.0"}, facts.OS{}, Target{"npm", "@babel/core", "7.0.0"}},
		{"pypi normalised", facts.Package{Type: "pypi", Name: "Django_REST.framework", Version: "3.0"}, facts.OS{}, Target{"PyPI", "django-rest-framework", "3.0"}},
		{"go module", facts.Package{Type: "golang", Name: "golang.org/x/text", Version: "v0.3.5"}, facts.OS{}, Target{"Go", "golang.org/x/text", "0.3.5"}},
		{"go pseudo-version", facts.Package{Type: "golang", Name: "golang.org/x/net", Version: "v0.0.0-20220722155237-a158d28d115b"}, facts.OS{}, Target{"Go", "golang.org/x/net", "0.0.0-20220722155237-a158d28d115b"}},
		{"go devel module", facts.Package{Type: "golang", Name: "example.com/app", Version: "(devel)"}, facts.OS{}, Target{}},
		{"stdlib", facts.Package{Type: "golang", Name: "stdlib", Version: "go1.18"}, facts.OS{}, Target{"Go", "stdlib", "1.18.0"}},
		{"stdlib patch", facts.Package{Type: "golang", Name: "stdlib", Version: "go1.22.5"}, facts.OS{}, Target{"Go", "stdlib", "1.22.5"}},
		{"stdlib release candidate", facts.Package{Type: "golang", Name: "stdlib", Version: "go1.21rc2"}, facts.OS{}, Target{"Go", "stdlib", "1.21.0-rc.2"}},
		{"stdlib experiment", facts.Package{Type: "golang", Name: "stdlib", Version: "go1.22.5 X:boringcrypto"}, facts.OS{}, Target{"Go", "stdlib", "1.22.5"}},
		{"stdlib devel", facts.Package{Type: "golang", Name: "stdlib", Version: "devel go1.23-abcdef"}, facts.OS{}, Target{}},
		{"maven", facts.Package{Type: "maven", Name: "org.apache.logging.log4j:log4j-core", Version: "2.14.1"}, facts.OS{}, Target{"Maven", "org.apache.logging.log4j:log4j-core", "2.14.1"}},
		{"gem", facts.Package{Type: "gem", Name: "rack", Version: "2.2.3"}, facts.OS{}, Target{"RubyGems", "rack", "2.2.3"}},
		{"cargo", facts.Package{Type: "cargo", Name: "tokio", Version: "1.0.0"}, facts.OS{}, Target{"crates.io", "tokio", "1.0.0"}},
		{"composer", facts.Package{Type: "composer", Name: "symfony/http-kernel", Version: "5.0.0"}, facts.OS{}, Target{"Packagist", "symfony/http-kernel", "5.0.0"}},
		{"unknown type", facts.Package{Type: "conda", Name: "numpy", Version: "1.0"}, facts.OS{}, Target{}},
		{"no version", facts.Package{Type: "npm", Name: "left-pad"}, facts.OS{}, Target{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eco, name, ver, ok := Ecosystem(tt.pkg, tt.os)
			if got := (Target{eco, name, ver}); got != tt.want || ok != (tt.want != Target{}) {
				t.Errorf("Ecosystem = %+v, %v; want %+v", got, ok, tt.want)
			}
		})
	}
}
