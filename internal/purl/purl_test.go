package purl

import (
	"strings"
	"testing"

	packageurl "github.com/package-url/packageurl-go"

	"github.com/customs-oss/customs/internal/facts"
)

var (
	debian12 = facts.OS{ID: "debian", VersionID: "12", Family: "debian"}
	ubuntu   = facts.OS{ID: "ubuntu", VersionID: "22.04", Family: "debian"}
	alpine   = facts.OS{ID: "alpine", VersionID: "3.10.2", Family: "alpine"}
	fedora   = facts.OS{ID: "fedora", VersionID: "25", Family: "rhel"}
	rhel     = facts.OS{ID: "rhel", VersionID: "9.4", Family: "rhel"}
)

func TestFor(t *testing.T) {
	for _, tc := range []struct {
		name string
		pkg  facts.Package
		os   facts.OS
		want string
	}{
		// From the purl specification's test-suite-data.json.
		{"spec: debian can use qualifiers", facts.Package{Type: "deb", Name: "curl", Version: "7.50.3-1", Arch: "i386"},
			facts.OS{ID: "debian"}, "pkg:deb/debian/curl@7.50.3-1?arch=i386"},
		{"spec: rpm often use qualifiers", facts.Package{Type: "rpm", Name: "curl", Version: "7.50.3-1.fc25", Arch: "i386"},
			fedora, "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25"},
		{"spec: npm can be scoped", facts.Package{Type: "npm", Name: "@angular/animation", Version: "12.3.1"},
			facts.OS{}, "pkg:npm/%40angular/animation@12.3.1"},
		{"spec: pypi names have special rules", facts.Package{Type: "pypi", Name: "Django_package", Version: "1.11.1.dev1"},
			facts.OS{}, "pkg:pypi/django-package@1.11.1.dev1"},
		{"spec: valid maven purl", facts.Package{Type: "maven", Name: "org.apache.commons:io", Version: "1.3.4"},
			facts.OS{}, "pkg:maven/org.apache.commons/io@1.3.4"},
		{"spec: maven is case sensitive", facts.Package{Type: "maven", Name: "HTTPClient:HTTPClient", Version: "0.3-3"},
			facts.OS{}, "pkg:maven/HTTPClient/HTTPClient@0.3-3"},
		{"spec: go purl", facts.Package{Type: "golang", Name: "github.com/gorilla/context", Version: "234fd47e07d1004f0aed9c"},
			facts.OS{}, "pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c"},
		{"spec: gem", facts.Package{Type: "gem", Name: "jruby-launcher", Version: "1.1.2"},
			facts.OS{}, "pkg:gem/jruby-launcher@1.1.2"},

		{"deb on debian with upstream", facts.Package{Type: "deb", Name: "libssl3", Version: "3.0.11-1~deb12u2", Source: "openssl", Arch: "amd64"},
			debian12, "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12&upstream=openssl"},
		{"deb upstream with its own version", facts.Package{Type: "deb", Name: "libc6", Version: "2.36-9+deb12u4", Source: "glibc", SourceVersion: "2.36-9", Arch: "arm64"},
			debian12, "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=arm64&distro=debian-12&upstream=glibc%402.36-9"},
		{"deb built from itself has no upstream", facts.Package{Type: "deb", Name: "bash", Version: "5.2.15-2+b2", Source: "bash", Arch: "amd64"},
			debian12, "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12"},
		{"deb with an epoch", facts.Package{Type: "deb", Name: "perl-base", Version: "1:5.36.0-7", Arch: "amd64"},
			debian12, "pkg:deb/debian/perl-base@1:5.36.0-7?arch=amd64&distro=debian-12"},
		{"deb on ubuntu", facts.Package{Type: "deb", Name: "curl", Version: "7.81.0-1ubuntu1.15", Arch: "amd64"},
			ubuntu, "pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.15?arch=amd64&distro=ubuntu-22.04"},
		{"deb without os-release", facts.Package{Type: "deb", Name: "tzdata", Version: "2024a-0+deb12u1", Arch: "all"},
			facts.OS{}, "pkg:deb/debian/tzdata@2024a-0%2Bdeb12u1?arch=all"},
		{"apk", facts.Package{Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", Arch: "x86_64"},
			alpine, "pkg:apk/alpine/libssl1.1@1.1.1d-r2?arch=x86_64&distro=3.10.2"},
		{"apk without os-release", facts.Package{Type: "apk", Name: "musl", Version: "1.1.22-r3"},
			facts.OS{}, "pkg:apk/alpine/musl@1.1.22-r3"},
		{"rpm on rhel with an epoch", facts.Package{Type: "rpm", Name: "openssl-libs", Version: "1:3.0.7-27.el9", Arch: "x86_64"},
			rhel, "pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rhel-9.4&epoch=1"},
		{"rpm on amazon linux", facts.Package{Type: "rpm", Name: "bash", Version: "5.2.15-1.amzn2023.0.2", Arch: "aarch64"},
			facts.OS{ID: "amzn", VersionID: "2023"}, "pkg:rpm/amazon/bash@5.2.15-1.amzn2023.0.2?arch=aarch64&distro=amzn-2023"},
		{"rpm on opensuse leap", facts.Package{Type: "rpm", Name: "zlib", Version: "1.2.13-150500.4.3.1", Arch: "x86_64"},
			facts.OS{ID: "opensuse-leap", VersionID: "15.5"}, "pkg:rpm/opensuse/zlib@1.2.13-150500.4.3.1?arch=x86_64&distro=opensuse-leap-15.5"},
		{"npm unscoped", facts.Package{Type: "npm", Name: "lodash", Version: "4.17.21"},
			facts.OS{}, "pkg:npm/lodash@4.17.21"},
		{"pypi", facts.Package{Type: "pypi", Name: "typing_extensions", Version: "4.12.2"},
			facts.OS{}, "pkg:pypi/typing-extensions@4.12.2"},
		{"go module keeps its case", facts.Package{Type: "golang", Name: "github.com/BurntSushi/toml", Version: "v1.6.0"},
			facts.OS{}, "pkg:golang/github.com/BurntSushi/toml@v1.6.0"},
		{"go standard library", facts.Package{Type: "golang", Name: "stdlib", Version: "v1.22.1"},
			facts.OS{}, "pkg:golang/stdlib@v1.22.1"},
		{"go pseudo-version", facts.Package{Type: "golang", Name: "golang.org/x/net", Version: "v0.0.0-20220127200216-cd36cc0744dd"},
			facts.OS{}, "pkg:golang/golang.org/x/net@v0.0.0-20220127200216-cd36cc0744dd"},
		{"maven without a group", facts.Package{Type: "maven", Name: "commons-io", Version: "2.11.0"},
			facts.OS{}, "pkg:maven/commons-io@2.11.0"},
		{"cargo", facts.Package{Type: "cargo", Name: "serde", Version: "1.0.197"},
			facts.OS{}, "pkg:cargo/serde@1.0.197"},
		{"composer", facts.Package{Type: "composer", Name: "Monolog/Monolog", Version: "3.5.0"},
			facts.OS{}, "pkg:composer/monolog/monolog@3.5.0"},
		{"gem", facts.Package{Type: "gem", Name: "rack", Version: "2.2.8"},
			facts.OS{}, "pkg:gem/rack@2.2.8"},
		{"no version", facts.Package{Type: "npm", Name: "left-pad"},
			facts.OS{}, "pkg:npm/left-pad"},
		{"characters that must be encoded", facts.Package{Type: "npm", Name: "a b?#", Version: "1.0.0 final"},
			facts.OS{}, "pkg:npm/a%20b%3F%23@1.0.0%20final"},
		{"no name", facts.Package{Type: "npm", Version: "1.0.0"}, facts.OS{}, ""},
		{"unknown type", facts.Package{Type: "nuget", Name: "Newtonsoft.Json", Version: "13.0.1"}, facts.OS{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := For(tc.pkg, tc.os)
			if got != tc.want {
				t.Errorf("For() = %q, want %q", got, tc.want)
			}
			if got == "" {
				return
			}
			// What For writes must read back as the same URL.
			u, err := packageurl.FromString(got)
			if err != nil {
				t.Fatalf("FromString(%q): %v", got, err)
			}
			back := u.ToString()
			if tc.pkg.Type == "golang" {
				// The parser lower-cases Go paths; For keeps their case.
				if !strings.EqualFold(back, got) {
					t.Errorf("%q reads back as %q", got, back)
				}
				return
			}
			if back != got {
				t.Errorf("%q reads back as %q", got, back)
			}
		})
	}
}

func TestOCI(t *testing.T) {
	const digest = "sha256:244fd47e07d1004f0aed9c156aa09083c82bf8944eceb67c946ff7430510a77b"
	for _, tc := range []struct {
		name, ref, digest, want string
	}{
		// The library percent-encodes the slashes of qualifier values, as
		// the current specification (ECMA-427) asks.
		{"docker hub", "docker.io/library/debian:latest", digest,
			"pkg:oci/debian@sha256:244fd47e07d1004f0aed9c156aa09083c82bf8944eceb67c946ff7430510a77b?repository_url=docker.io%2Flibrary%2Fdebian&tag=latest"},
		{"registry with a port", "localhost:5000/team/App:1.0@sha256:00", digest,
			"pkg:oci/app@sha256:244fd47e07d1004f0aed9c156aa09083c82bf8944eceb67c946ff7430510a77b?repository_url=localhost:5000%2Fteam%2FApp&tag=1.0"},
		{"no tag", "ghcr.io/org/tool", digest,
			"pkg:oci/tool@sha256:244fd47e07d1004f0aed9c156aa09083c82bf8944eceb67c946ff7430510a77b?repository_url=ghcr.io%2Forg%2Ftool"},
		{"no digest", "docker.io/library/debian:latest", "", ""},
		{"no name", "", digest, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := OCI(tc.ref, tc.digest); got != tc.want {
				t.Errorf("OCI(%q, %q) = %q, want %q", tc.ref, tc.digest, got, tc.want)
			}
		})
	}
}
