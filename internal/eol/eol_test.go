package eol

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

// reviewDay is a day the table was reviewed on.
var reviewDay = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		os   facts.OS
		now  time.Time
		want Status
	}{
		{
			name: "alpine patch release maps to its branch",
			os:   facts.OS{ID: "alpine", VersionID: "3.22.2"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2027, 5, 1), Product: "Alpine Linux", Cycle: "3.22", Support: "security support",
				Upgrade: "Alpine Linux 3.23", Reference: "https://endoflife.date/alpine"},
		},
		{
			name: "alpine 3.10 is long gone",
			os:   facts.OS{ID: "alpine", VersionID: "3.10.9"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2021, 5, 1), EOL: true, Product: "Alpine Linux", Cycle: "3.10", Support: "security support",
				Upgrade: "Alpine Linux 3.23", Reference: "https://endoflife.date/alpine"},
		},
		{
			name: "newest alpine has nothing to move to",
			os:   facts.OS{ID: "alpine", VersionID: "3.23.0"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2027, 11, 1), Product: "Alpine Linux", Cycle: "3.23", Support: "security support",
				Reference: "https://endoflife.date/alpine"},
		},
		{
			name: "debian 9 counts until the end of LTS",
			os:   facts.OS{ID: "debian", VersionID: "9"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2022, 6, 30), EOL: true, Product: "Debian", Cycle: "9", Support: "Debian LTS",
				Upgrade: "Debian 13", Reference: "https://wiki.debian.org/LTS"},
		},
		{
			name: "debian 11 LTS ended in August 2026",
			os:   facts.OS{ID: "debian", VersionID: "11"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2026, 8, 31), EOL: true, Product: "Debian", Cycle: "11", Support: "Debian LTS",
				Upgrade: "Debian 13", Reference: "https://wiki.debian.org/LTS"},
		},
		{
			name: "distroless debian 12 is debian 12",
			os:   facts.OS{ID: "debian", VersionID: "12", PrettyName: "Distroless", Distroless: true},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2028, 6, 30), Product: "Debian", Cycle: "12", Support: "Debian LTS",
				Upgrade: "Debian 13", Reference: "https://wiki.debian.org/LTS"},
		},
		{
			name: "ubuntu 18.04 is past standard support with ESM running",
			os:   facts.OS{ID: "ubuntu", VersionID: "18.04"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2023, 5, 31), EOL: true, Product: "Ubuntu", Cycle: "18.04", Support: "standard security maintenance",
				Extended: day(2028, 4, 1), ExtendedSupport: "Ubuntu Pro (ESM)", Upgrade: "Ubuntu 26.04 LTS", Reference: "https://ubuntu.com/about/release-cycle"},
		},
		{
			name: "ubuntu interim release is told to move to an LTS",
			os:   facts.OS{ID: "ubuntu", VersionID: "25.04"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2026, 1, 17), EOL: true, Product: "Ubuntu", Cycle: "25.04", Support: "standard security maintenance",
				Upgrade: "Ubuntu 26.04 LTS", Reference: "https://ubuntu.com/about/release-cycle"},
		},
		{
			name: "before 26.04 was out, 24.04 was the LTS to move to",
			os:   facts.OS{ID: "ubuntu", VersionID: "22.04"},
			now:  time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			want: Status{Known: true, Date: day(2027, 4, 1), Product: "Ubuntu", Cycle: "22.04", Support: "standard security maintenance",
				Extended: day(2032, 4, 9), ExtendedSupport: "Ubuntu Pro (ESM)", Upgrade: "Ubuntu 24.04 LTS", Reference: "https://ubuntu.com/about/release-cycle"},
		},
		{
			name: "ubi 8 is rhel 8",
			os:   facts.OS{ID: "rhel", VersionID: "8.10"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2029, 5, 31), Product: "Red Hat Enterprise Linux", Cycle: "8", Support: "maintenance support",
				Extended: day(2032, 5, 31), ExtendedSupport: "the Extended Life Cycle Support add-on", Upgrade: "Red Hat Enterprise Linux 10",
				Reference: "https://access.redhat.com/support/policy/updates/errata"},
		},
		{
			name: "centos 7 points to a maintained rebuild",
			os:   facts.OS{ID: "centos", VersionID: "7", PrettyName: "CentOS Linux 7 (Core)"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2024, 6, 30), EOL: true, Product: "CentOS Linux", Cycle: "7", Support: "security updates",
				Upgrade: "a maintained RHEL rebuild (Rocky Linux, AlmaLinux) or Red Hat UBI", Reference: "https://endoflife.date/centos"},
		},
		{
			name: "centos linux 8 is not centos stream 8",
			os:   facts.OS{ID: "centos", VersionID: "8", PrettyName: "CentOS Linux 8"},
			now:  time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
			want: Status{Known: true, Date: day(2021, 12, 31), EOL: true, Product: "CentOS Linux", Cycle: "8", Support: "security updates",
				Upgrade: "a maintained RHEL rebuild (Rocky Linux, AlmaLinux) or Red Hat UBI", Reference: "https://endoflife.date/centos"},
		},
		{
			name: "centos stream 8",
			os:   facts.OS{ID: "centos", VersionID: "8", PrettyName: "CentOS Stream 8"},
			now:  time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
			want: Status{Known: true, Date: day(2024, 5, 31), Product: "CentOS Stream", Cycle: "8", Support: "updates",
				Upgrade: "CentOS Stream 9", Reference: "https://endoflife.date/centos-stream"},
		},
		{
			name: "centos 9 only exists as stream",
			os:   facts.OS{ID: "centos", VersionID: "9"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2027, 5, 31), Product: "CentOS Stream", Cycle: "9", Support: "updates",
				Upgrade: "CentOS Stream 10", Reference: "https://endoflife.date/centos-stream"},
		},
		{
			name: "amazon linux 1 by its dated version",
			os:   facts.OS{ID: "amzn", VersionID: "2018.03"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2023, 12, 31), EOL: true, Product: "Amazon Linux", Cycle: "1", Support: "security support",
				Upgrade: "Amazon Linux 2023", Reference: "https://endoflife.date/amazon-linux"},
		},
		{
			name: "amazon linux 2 ended in June 2026",
			os:   facts.OS{ID: "amzn", VersionID: "2"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2026, 6, 30), EOL: true, Product: "Amazon Linux", Cycle: "2", Support: "security support",
				Upgrade: "Amazon Linux 2023", Reference: "https://endoflife.date/amazon-linux"},
		},
		{
			name: "fedora 40",
			os:   facts.OS{ID: "fedora", VersionID: "40"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2025, 5, 13), EOL: true, Product: "Fedora Linux", Cycle: "40", Support: "updates",
				Upgrade: "Fedora Linux 43", Reference: "https://docs.fedoraproject.org/en-US/releases/eol/"},
		},
		{
			name: "opensuse leap 15.5",
			os:   facts.OS{ID: "opensuse-leap", VersionID: "15.5"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2024, 12, 31), EOL: true, Product: "openSUSE Leap", Cycle: "15.5", Support: "maintenance",
				Upgrade: "openSUSE Leap 16.0", Reference: "https://en.opensuse.org/Lifetime"},
		},
		{
			name: "rocky 9 with a minor version",
			os:   facts.OS{ID: "rocky", VersionID: "9.3"},
			now:  reviewDay,
			want: Status{Known: true, Date: day(2032, 5, 31), Product: "Rocky Linux", Cycle: "9", Support: "security support",
				Upgrade: "Rocky Linux 10", Reference: "https://wiki.rockylinux.org/rocky/version/"},
		},
		{name: "alpine edge is rolling", os: facts.OS{ID: "alpine", VersionID: "3.23.0_alpha20250612"}, now: reviewDay},
		{name: "debian testing has no version", os: facts.OS{ID: "debian", PrettyName: "Debian GNU/Linux forky/sid"}, now: reviewDay},
		{name: "wolfi is rolling", os: facts.OS{ID: "wolfi", VersionID: "20230201"}, now: reviewDay},
		{name: "release newer than the table", os: facts.OS{ID: "debian", VersionID: "15"}, now: reviewDay},
		{name: "unknown distribution", os: facts.OS{ID: "photon", VersionID: "5.0"}, now: reviewDay},
		{name: "scratch", os: facts.OS{Scratch: true}, now: reviewDay},
		{name: "garbage version", os: facts.OS{ID: "ubuntu", VersionID: "22.04x"}, now: reviewDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Lookup(tt.os, tt.now)); diff != "" {
				t.Errorf("Lookup (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLookupDayBoundary checks that the end date is the last supported day,
// whatever the time zone of the clock.
func TestLookupDayBoundary(t *testing.T) {
	debian11 := facts.OS{ID: "debian", VersionID: "11"}
	tokyo := time.FixedZone("JST", 9*60*60)
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 8, 31, 23, 59, 59, 0, time.UTC), false},
		{time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 9, 1, 8, 0, 0, 0, tokyo), false}, // still 31 August in UTC
		{time.Date(2026, 9, 1, 9, 0, 0, 0, tokyo), true},
	}
	for _, tt := range tests {
		if got := Lookup(debian11, tt.now).EOL; got != tt.want {
			t.Errorf("EOL on %v = %v, want %v", tt.now, got, tt.want)
		}
	}
}

// osFor returns an OS that should find row r of product p.
func osFor(p product, r release) facts.OS {
	o := facts.OS{ID: p.id, VersionID: r.cycle}
	switch p.id {
	case "centos-stream":
		o.ID, o.PrettyName = "centos", "CentOS Stream "+r.cycle
	case "centos":
		o.PrettyName = "CentOS Linux " + r.cycle
	case "amzn":
		if r.cycle == "1" {
			o.VersionID = "2018.03"
		}
	case "alpine", "ubuntu":
		o.VersionID += ".1"
	case "debian", "rhel", "rocky", "almalinux", "ol":
		o.VersionID += ".4"
	}
	return o
}

// TestTable checks the table itself: every row is reachable through the
// os-release fields of its release, cycles are unique, dates are in order.
func TestTable(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range products() {
		if ids[p.id] {
			t.Errorf("product %s listed twice", p.id)
		}
		ids[p.id] = true
		if p.name == "" || p.support == "" || p.reference == "" || len(p.releases) == 0 {
			t.Errorf("product %s lacks a name, support phrase, reference or releases", p.id)
		}
		cycles := map[string]bool{}
		for i, r := range p.releases {
			if cycles[r.cycle] {
				t.Errorf("%s %s listed twice", p.id, r.cycle)
			}
			cycles[r.cycle] = true
			if !r.released.Before(r.eol) {
				t.Errorf("%s %s: released %v, not before its end %v", p.id, r.cycle, r.released, r.eol)
			}
			if !r.extended.IsZero() && !r.extended.After(r.eol) {
				t.Errorf("%s %s: extended support %v ends before security support %v", p.id, r.cycle, r.extended, r.eol)
			}
			if !r.extended.IsZero() && p.extendedSupport == "" {
				t.Errorf("%s %s: extended date without a name for it", p.id, r.cycle)
			}
			if i > 0 && r.released.Before(p.releases[i-1].released) {
				t.Errorf("%s %s: listed after a later release", p.id, r.cycle)
			}
			if r.released.Year() < 2009 || r.eol.Year() > 2040 {
				t.Errorf("%s %s: implausible dates %v .. %v", p.id, r.cycle, r.released, r.eol)
			}
			st := Lookup(osFor(p, r), r.released)
			if !st.Known || st.Cycle != r.cycle || !st.Date.Equal(r.eol) || st.EOL {
				t.Errorf("%s %s: Lookup on its release day = %+v", p.id, r.cycle, st)
			}
		}
	}
}
