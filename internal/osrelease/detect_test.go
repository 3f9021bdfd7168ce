package osrelease

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

// Typical contents of each kind of base image, besides its release files.
func alpineBase() []entry {
	return []entry{exe("bin/busybox"), symlink("bin/sh", "/bin/busybox"), exe("sbin/apk"), file("lib/apk/db/installed", "P:musl\n")}
}

func debianBase() []entry {
	return []entry{exe("bin/dash"), symlink("bin/sh", "dash"), exe("bin/bash"), exe("usr/bin/apt-get"), exe("usr/bin/dpkg"), file("var/lib/dpkg/status", "Package: base-files\n")}
}

func mergedUsrDebianBase() []entry {
	return []entry{symlink("bin", "usr/bin"), exe("usr/bin/dash"), symlink("usr/bin/sh", "dash"), exe("usr/bin/apt-get"), file("var/lib/dpkg/status", "Package: base-files\n")}
}

func rpmBase(manager string) []entry {
	return []entry{symlink("bin", "usr/bin"), exe("usr/bin/bash"), symlink("usr/bin/sh", "bash"), exe("usr/bin/" + manager), exe("usr/bin/rpm"), file("var/lib/rpm/rpmdb.sqlite", "")}
}

func with(base []entry, more ...entry) []entry { return append(base, more...) }

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		layers [][]entry
		want   facts.OS
		source string
	}{
		{
			name:   "alpine 3.10",
			layers: [][]entry{with(alpineBase(), file("etc/os-release", release(t, "alpine-3.10")), file("etc/alpine-release", "3.10.9\n"))},
			want:   facts.OS{ID: "alpine", VersionID: "3.10.9", PrettyName: "Alpine Linux v3.10", Family: "alpine"},
			source: "etc/os-release",
		},
		{
			name:   "alpine 3.22",
			layers: [][]entry{with(alpineBase(), file("etc/os-release", release(t, "alpine-3.22")), file("etc/alpine-release", "3.22.2\n"))},
			want:   facts.OS{ID: "alpine", VersionID: "3.22.2", PrettyName: "Alpine Linux v3.22", Family: "alpine"},
			source: "etc/os-release",
		},
		{
			name:   "debian 9",
			layers: [][]entry{with(debianBase(), file("etc/os-release", release(t, "debian-9")), file("etc/debian_version", "9.13\n"))},
			want:   facts.OS{ID: "debian", VersionID: "9", PrettyName: "Debian GNU/Linux 9 (stretch)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name: "debian 11 with os-release linked to usr/lib",
			layers: [][]entry{with(debianBase(), symlink("etc/os-release", "../usr/lib/os-release"),
				file("usr/lib/os-release", release(t, "debian-11")), file("etc/debian_version", "11.11\n"))},
			want:   facts.OS{ID: "debian", VersionID: "11", PrettyName: "Debian GNU/Linux 11 (bullseye)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "debian 12",
			layers: [][]entry{with(mergedUsrDebianBase(), file("etc/os-release", release(t, "debian-12")), file("etc/debian_version", "12.12\n"))},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian GNU/Linux 12 (bookworm)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "debian 13",
			layers: [][]entry{with(mergedUsrDebianBase(), file("etc/os-release", release(t, "debian-13")), file("etc/debian_version", "13.1\n"))},
			want:   facts.OS{ID: "debian", VersionID: "13", PrettyName: "Debian GNU/Linux 13 (trixie)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "debian unstable has no version",
			layers: [][]entry{with(mergedUsrDebianBase(), file("etc/os-release", release(t, "debian-sid")), file("etc/debian_version", "forky/sid\n"))},
			want:   facts.OS{ID: "debian", PrettyName: "Debian GNU/Linux forky/sid", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name: "ubuntu 18.04",
			layers: [][]entry{with(debianBase(), symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release", release(t, "ubuntu-18.04")),
				file("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=18.04\n"), file("etc/debian_version", "buster/sid\n"))},
			want:   facts.OS{ID: "ubuntu", VersionID: "18.04", PrettyName: "Ubuntu 18.04.6 LTS", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "ubuntu 22.04",
			layers: [][]entry{with(mergedUsrDebianBase(), symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release", release(t, "ubuntu-22.04")))},
			want:   facts.OS{ID: "ubuntu", VersionID: "22.04", PrettyName: "Ubuntu 22.04.5 LTS", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "ubuntu 24.04",
			layers: [][]entry{with(mergedUsrDebianBase(), symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release", release(t, "ubuntu-24.04")))},
			want:   facts.OS{ID: "ubuntu", VersionID: "24.04", PrettyName: "Ubuntu 24.04.3 LTS", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "ubi 8",
			layers: [][]entry{with(rpmBase("microdnf"), file("etc/os-release", release(t, "ubi-8")), file("etc/redhat-release", "Red Hat Enterprise Linux release 8.10 (Ootpa)\n"))},
			want:   facts.OS{ID: "rhel", VersionID: "8.10", PrettyName: "Red Hat Enterprise Linux 8.10 (Ootpa)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "ubi 9",
			layers: [][]entry{with(rpmBase("dnf"), file("etc/os-release", release(t, "ubi-9")), file("etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n"))},
			want:   facts.OS{ID: "rhel", VersionID: "9.4", PrettyName: "Red Hat Enterprise Linux 9.4 (Plow)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "centos 7",
			layers: [][]entry{with(rpmBase("yum"), file("etc/os-release", release(t, "centos-7")), file("etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n"))},
			want:   facts.OS{ID: "centos", VersionID: "7", PrettyName: "CentOS Linux 7 (Core)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "rocky 9",
			layers: [][]entry{with(rpmBase("dnf"), file("etc/os-release", release(t, "rocky-9")))},
			want:   facts.OS{ID: "rocky", VersionID: "9.3", PrettyName: "Rocky Linux 9.3 (Blue Onyx)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "almalinux 9",
			layers: [][]entry{with(rpmBase("dnf"), file("etc/os-release", release(t, "almalinux-9")))},
			want:   facts.OS{ID: "almalinux", VersionID: "9.4", PrettyName: "AlmaLinux 9.4 (Seafoam Ocelot)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "amazon linux 2",
			layers: [][]entry{with(rpmBase("yum"), file("etc/os-release", release(t, "amzn-2")), file("etc/system-release", "Amazon Linux release 2 (Karoo)\n"))},
			want:   facts.OS{ID: "amzn", VersionID: "2", PrettyName: "Amazon Linux 2", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "amazon linux 2023",
			layers: [][]entry{with(rpmBase("dnf"), symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release", release(t, "amzn-2023")))},
			want:   facts.OS{ID: "amzn", VersionID: "2023", PrettyName: "Amazon Linux 2023.6.20241010", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "fedora 40",
			layers: [][]entry{with(rpmBase("dnf"), symlink("etc/os-release", "../usr/lib/os-release"), file("usr/lib/os-release", release(t, "fedora-40")))},
			want:   facts.OS{ID: "fedora", VersionID: "40", PrettyName: "Fedora Linux 40 (Container Image)", Family: "rhel"},
			source: "etc/os-release",
		},
		{
			name:   "opensuse leap 15.5 with only the vendor file",
			layers: [][]entry{with(rpmBase("zypper"), file("usr/lib/os-release", release(t, "opensuse-leap-15.5")))},
			want:   facts.OS{ID: "opensuse-leap", VersionID: "15.5", PrettyName: "openSUSE Leap 15.5", Family: "suse"},
			source: "usr/lib/os-release",
		},
		{
			name:   "wolfi",
			layers: [][]entry{with(alpineBase(), file("etc/os-release", release(t, "wolfi")))},
			want:   facts.OS{ID: "wolfi", VersionID: "20230201", PrettyName: "Wolfi", Family: "wolfi"},
			source: "etc/os-release",
		},
		{
			name:   "wolfi static image without shell is distroless",
			layers: [][]entry{{file("etc/os-release", release(t, "wolfi")), file("lib/apk/db/installed", "P:ca-certificates-bundle\n"), exe("usr/bin/app")}},
			want:   facts.OS{ID: "wolfi", VersionID: "20230201", PrettyName: "Wolfi", Family: "wolfi", Distroless: true},
			source: "etc/os-release",
		},
		{
			name: "google distroless",
			layers: [][]entry{{file("etc/os-release", release(t, "distroless-12")), file("etc/debian_version", "12.12\n"),
				dir("var/lib/dpkg/status.d"), file("var/lib/dpkg/status.d/base-files", "Package: base-files\n")}},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Distroless", Family: "debian", Distroless: true},
			source: "etc/os-release",
		},
		{
			name: "distroless told by its contents",
			layers: [][]entry{{file("etc/os-release", release(t, "debian-12")),
				dir("var/lib/dpkg/status.d"), file("var/lib/dpkg/status.d/libc6", "Package: libc6\n"), exe("usr/bin/app")}},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian GNU/Linux 12 (bookworm)", Family: "debian", Distroless: true},
			source: "etc/os-release",
		},
		{
			name: "distroless debug image keeps its name",
			layers: [][]entry{
				{file("etc/os-release", release(t, "distroless-12")), dir("var/lib/dpkg/status.d"), file("var/lib/dpkg/status.d/libc6", "")},
				{exe("busybox/busybox"), symlink("busybox/sh", "busybox")},
			},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Distroless", Family: "debian", Distroless: true},
			source: "etc/os-release",
		},
		{
			name: "package database with a shell is not distroless",
			layers: [][]entry{
				{file("etc/os-release", release(t, "debian-12")), dir("var/lib/dpkg/status.d"), file("var/lib/dpkg/status.d/libc6", "")},
				{exe("bin/sh")},
			},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian GNU/Linux 12 (bookworm)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "busybox has no release file",
			layers: [][]entry{{dir("bin"), exe("bin/["), hardlink("bin/busybox", "bin/["), hardlink("bin/sh", "bin/["), hardlink("bin/wget", "bin/["), dir("etc"), file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")}},
			want:   facts.OS{},
		},
		{
			name:   "scratch with a static binary",
			layers: [][]entry{{exe("app"), dir("etc/ssl/certs"), file("etc/ssl/certs/ca-certificates.crt", "-----BEGIN CERTIFICATE-----\n")}},
			want:   facts.OS{Scratch: true},
		},
		{
			name:   "empty image",
			layers: nil,
			want:   facts.OS{Scratch: true},
		},
		{
			name: "centos 6 from its release file",
			layers: [][]entry{with(rpmBase("yum"), file("etc/centos-release", "CentOS release 6.10 (Final)\n"),
				file("etc/redhat-release", "CentOS release 6.10 (Final)\n"), file("etc/system-release", "CentOS release 6.10 (Final)\n"))},
			want:   facts.OS{ID: "centos", VersionID: "6", PrettyName: "CentOS release 6.10 (Final)", Family: "rhel"},
			source: "etc/centos-release",
		},
		{
			name: "oracle linux 6 names itself before its red hat compatibility file",
			layers: [][]entry{with(rpmBase("yum"), file("etc/oracle-release", "Oracle Linux Server release 6.10\n"),
				file("etc/redhat-release", "Red Hat Enterprise Linux Server release 6.10 (Santiago)\n"))},
			want:   facts.OS{ID: "ol", VersionID: "6.10", PrettyName: "Oracle Linux Server release 6.10", Family: "rhel"},
			source: "etc/oracle-release",
		},
		{
			name:   "red hat 6 from redhat-release",
			layers: [][]entry{with(rpmBase("yum"), file("etc/redhat-release", "Red Hat Enterprise Linux Server release 6.10 (Santiago)\n"))},
			want:   facts.OS{ID: "rhel", VersionID: "6.10", PrettyName: "Red Hat Enterprise Linux Server release 6.10 (Santiago)", Family: "rhel"},
			source: "etc/redhat-release",
		},
		{
			name:   "centos stream from its release file",
			layers: [][]entry{with(rpmBase("dnf"), file("etc/redhat-release", "CentOS Stream release 9\n"))},
			want:   facts.OS{ID: "centos", VersionID: "9", PrettyName: "CentOS Stream release 9", Family: "rhel"},
			source: "etc/redhat-release",
		},
		{
			name:   "amazon linux 1 from system-release",
			layers: [][]entry{with(rpmBase("yum"), file("etc/system-release", "Amazon Linux AMI release 2018.03\n"))},
			want:   facts.OS{ID: "amzn", VersionID: "2018.03", PrettyName: "Amazon Linux AMI release 2018.03", Family: "rhel"},
			source: "etc/system-release",
		},
		{
			name:   "debian 6 from debian_version",
			layers: [][]entry{with(debianBase(), file("etc/debian_version", "6.0.10\n"))},
			want:   facts.OS{ID: "debian", VersionID: "6", PrettyName: "Debian GNU/Linux 6.0.10", Family: "debian"},
			source: "etc/debian_version",
		},
		{
			name:   "debian testing from debian_version",
			layers: [][]entry{with(debianBase(), file("etc/debian_version", "bookworm/sid\n"))},
			want:   facts.OS{ID: "debian", PrettyName: "Debian GNU/Linux bookworm/sid", Family: "debian"},
			source: "etc/debian_version",
		},
		{
			name: "ubuntu from lsb-release, before the debian_version it also ships",
			layers: [][]entry{with(debianBase(), file("etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=12.04\nDISTRIB_CODENAME=precise\nDISTRIB_DESCRIPTION=\"Ubuntu 12.04.5 LTS\"\n"),
				file("etc/debian_version", "wheezy/sid\n"))},
			want:   facts.OS{ID: "ubuntu", VersionID: "12.04", PrettyName: "Ubuntu 12.04.5 LTS", Family: "debian"},
			source: "etc/lsb-release",
		},
		{
			name:   "alpine from alpine-release",
			layers: [][]entry{with(alpineBase(), file("etc/alpine-release", "3.4.6\n"))},
			want:   facts.OS{ID: "alpine", VersionID: "3.4.6", PrettyName: "Alpine Linux v3.4", Family: "alpine"},
			source: "etc/alpine-release",
		},
		{
			name:   "os-release without ID falls back",
			layers: [][]entry{with(alpineBase(), file("etc/os-release", "NAME=\"Custom\"\n"), file("etc/alpine-release", "3.21.0\n"))},
			want:   facts.OS{ID: "alpine", VersionID: "3.21.0", PrettyName: "Alpine Linux v3.21", Family: "alpine"},
			source: "etc/alpine-release",
		},
		{
			name: "os-release deleted by a later layer",
			layers: [][]entry{
				with(debianBase(), file("etc/os-release", release(t, "debian-12")), file("etc/debian_version", "12.12\n")),
				{whiteout("etc/os-release")},
			},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian GNU/Linux 12.12", Family: "debian"},
			source: "etc/debian_version",
		},
		{
			name: "os-release replaced by a later layer",
			layers: [][]entry{
				with(debianBase(), file("etc/os-release", release(t, "debian-11"))),
				{file("etc/os-release", release(t, "debian-12"))},
			},
			want:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian GNU/Linux 12 (bookworm)", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name: "unknown distribution like debian",
			layers: [][]entry{with(debianBase(), file("etc/os-release",
				"ID=pardus\nID_LIKE=\"debian\"\nVERSION_ID=\"23.0\"\nPRETTY_NAME=\"Pardus 23.0\"\n"))},
			want:   facts.OS{ID: "pardus", VersionID: "23.0", PrettyName: "Pardus 23.0", Family: "debian"},
			source: "etc/os-release",
		},
		{
			name:   "unknown distribution without relatives is its own family",
			layers: [][]entry{with(rpmBase("tdnf"), file("etc/os-release", "NAME=\"VMware Photon OS\"\nVERSION=\"5.0\"\nID=photon\nVERSION_ID=5.0\n"))},
			want:   facts.OS{ID: "photon", VersionID: "5.0", PrettyName: "VMware Photon OS 5.0", Family: "photon"},
			source: "etc/os-release",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := newImage(tt.layers...)
			if diff := cmp.Diff(tt.want, Detect(img)); diff != "" {
				t.Errorf("Detect (-want +got):\n%s", diff)
			}
			if got := Source(img); got != tt.source {
				t.Errorf("Source = %q, want %q", got, tt.source)
			}
		})
	}
}

// TestDetectHostile checks that values from the image are made safe before
// they reach a report.
func TestDetectHostile(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    facts.OS
	}{
		{
			name:    "control characters and upper case",
			content: "ID=\"Debian\x1b[2J\"\nVERSION_ID=\"12\x07\"\nPRETTY_NAME=\"Debian\x1b]0;pwned\x07 12\"\n",
			want:    facts.OS{ID: "debian[2j", VersionID: "12", PrettyName: "Debian]0;pwned 12", Family: "debian[2j"},
		},
		{
			name:    "credential in the name",
			content: "ID=debian\nVERSION_ID=12\nPRETTY_NAME=\"Debian AKIAIOSFODNN7EXAMPLE\"\n",
			want:    facts.OS{ID: "debian", VersionID: "12", PrettyName: "Debian AKIA...[REDACTED]", Family: "debian"},
		},
		{
			name:    "very long values are cut",
			content: "ID=" + strings.Repeat("d", 500) + "\nPRETTY_NAME=\"" + strings.Repeat("é", 500) + "\"\n",
			want:    facts.OS{ID: strings.Repeat("d", maxIDLen), PrettyName: strings.Repeat("é", maxNameLen/2), Family: strings.Repeat("d", maxIDLen)},
		},
		{
			name:    "invalid UTF-8 is dropped",
			content: "ID=alpine\nPRETTY_NAME=\"Alpine\xff\xfe Linux\"\n",
			want:    facts.OS{ID: "alpine", PrettyName: "Alpine Linux", Family: "alpine"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := newImage(with(debianBase(), file("etc/os-release", tt.content)))
			if diff := cmp.Diff(tt.want, Detect(img)); diff != "" {
				t.Errorf("Detect (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDetectOversizedReleaseFile(t *testing.T) {
	big := "ID=debian\nVERSION_ID=12\n" + strings.Repeat("# padding\n", MaxLines)
	img := newImage(with(debianBase(), file("etc/os-release", big), file("etc/debian_version", "11.9\n")))
	want := facts.OS{ID: "debian", VersionID: "11", PrettyName: "Debian GNU/Linux 11.9", Family: "debian"}
	if diff := cmp.Diff(want, Detect(img)); diff != "" {
		t.Errorf("Detect (-want +got):\n%s", diff)
	}
}

func TestDetectNil(t *testing.T) {
	if got := Detect(nil); got != (facts.OS{}) {
		t.Errorf("Detect(nil) = %+v", got)
	}
	if got := Detect(&facts.Image{}); got != (facts.OS{}) {
		t.Errorf("Detect without a filesystem = %+v", got)
	}
}
