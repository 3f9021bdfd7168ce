package eol

// The end-of-life table. Reviewed: 2026-11.
//
// Each date is the last day of free security support for a release, as its
// vendor publishes it, cross-checked with https://endoflife.date:
//
//   - Alpine Linux: end of support of the main repository of each branch,
//     https://alpinelinux.org/releases/ (endoflife.date/alpine).
//   - Debian: end of Debian LTS, which continues security support for five
//     years after release once the security team stops (about three years);
//     https://wiki.debian.org/LTS and https://wiki.debian.org/DebianReleases
//     (endoflife.date/debian). Paid ELTS beyond it is not counted.
//   - Ubuntu: end of standard security maintenance (nine months for interim
//     releases, five years for LTS); extended is the end of Expanded Security
//     Maintenance with Ubuntu Pro, https://ubuntu.com/about/release-cycle
//     and https://wiki.ubuntu.com/Releases (endoflife.date/ubuntu).
//   - Red Hat Enterprise Linux and UBI: end of Maintenance Support; extended
//     is the end of the ELS add-on, https://access.redhat.com/support/policy/updates/errata
//     (endoflife.date/rhel).
//   - CentOS Linux and CentOS Stream: https://www.centos.org/centos-linux-eol/
//     and https://www.centos.org/cl-vs-cs/ (endoflife.date/centos,
//     endoflife.date/centos-stream).
//   - Rocky Linux: https://wiki.rockylinux.org/rocky/version/ (endoflife.date/rocky-linux).
//   - AlmaLinux: https://wiki.almalinux.org/release-notes/ (endoflife.date/almalinux).
//   - Oracle Linux: end of Premier Support, https://www.oracle.com/a/ocom/docs/elsp-lifetime-069338.pdf
//     (endoflife.date/oracle-linux).
//   - Amazon Linux: https://aws.amazon.com/amazon-linux-2/faqs/ (Amazon Linux 2
//     until 2026-06-30) and https://docs.aws.amazon.com/linux/al2023/ug/release-cadence.html
//     (endoflife.date/amazon-linux).
//   - Fedora Linux: four weeks after the release of N+2,
//     https://docs.fedoraproject.org/en-US/releases/lifecycle/; dates of
//     releases still supported are the schedule's estimates (endoflife.date/fedora).
//   - openSUSE Leap: https://en.opensuse.org/Lifetime (endoflife.date/opensuse).
//
// When a vendor gives only a month, the date is the one endoflife.date uses.
// Review the table at least twice a year, and whenever a release of one of
// these products is published.
func products() []product {
	return []product{
		{
			id: "alpine", name: "Alpine Linux", support: "security support",
			reference: "https://endoflife.date/alpine",
			releases: []release{
				{cycle: "3.0", released: day(2014, 6, 4), eol: day(2016, 5, 1)},
				{cycle: "3.1", released: day(2014, 12, 10), eol: day(2016, 11, 1)},
				{cycle: "3.2", released: day(2015, 5, 26), eol: day(2017, 5, 1)},
				{cycle: "3.3", released: day(2015, 12, 19), eol: day(2017, 11, 1)},
				{cycle: "3.4", released: day(2016, 5, 31), eol: day(2018, 5, 1)},
				{cycle: "3.5", released: day(2016, 12, 22), eol: day(2018, 11, 1)},
				{cycle: "3.6", released: day(2017, 5, 24), eol: day(2019, 5, 1)},
				{cycle: "3.7", released: day(2017, 11, 30), eol: day(2019, 11, 1)},
				{cycle: "3.8", released: day(2018, 6, 26), eol: day(2020, 5, 1)},
				{cycle: "3.9", released: day(2019, 1, 29), eol: day(2020, 11, 1)},
				{cycle: "3.10", released: day(2019, 6, 19), eol: day(2021, 5, 1)},
				{cycle: "3.11", released: day(2019, 12, 19), eol: day(2021, 11, 1)},
				{cycle: "3.12", released: day(2020, 5, 29), eol: day(2022, 5, 1)},
				{cycle: "3.13", released: day(2021, 1, 14), eol: day(2022, 11, 1)},
				{cycle: "3.14", released: day(2021, 6, 15), eol: day(2023, 5, 1)},
				{cycle: "3.15", released: day(2021, 11, 24), eol: day(2023, 11, 1)},
				{cycle: "3.16", released: day(2022, 5, 23), eol: day(2024, 5, 23)},
				{cycle: "3.17", released: day(2022, 11, 22), eol: day(2024, 11, 22)},
				{cycle: "3.18", released: day(2023, 5, 9), eol: day(2025, 5, 9)},
				{cycle: "3.19", released: day(2023, 12, 7), eol: day(2025, 11, 1)},
				{cycle: "3.20", released: day(2024, 5, 22), eol: day(2026, 4, 1)},
				{cycle: "3.21", released: day(2024, 12, 5), eol: day(2026, 11, 1)},
				{cycle: "3.22", released: day(2025, 5, 30), eol: day(2027, 5, 1)},
				{cycle: "3.23", released: day(2025, 12, 4), eol: day(2027, 11, 1)},
			},
		},
		{
			id: "debian", name: "Debian", support: "Debian LTS",
			reference: "https://wiki.debian.org/LTS",
			releases: []release{
				{cycle: "6", released: day(2011, 2, 6), eol: day(2016, 2, 29)},
				{cycle: "7", released: day(2013, 5, 4), eol: day(2018, 5, 31)},
				{cycle: "8", released: day(2015, 4, 25), eol: day(2020, 6, 30)},
				{cycle: "9", released: day(2017, 6, 17), eol: day(2022, 6, 30)},
				{cycle: "10", released: day(2019, 7, 6), eol: day(2024, 6, 30)},
				{cycle: "11", released: day(2021, 8, 14), eol: day(2026, 8, 31)},
				{cycle: "12", released: day(2023, 6, 10), eol: day(2028, 6, 30)},
				{cycle: "13", released: day(2025, 8, 9), eol: day(2030, 6, 30)},
			},
		},
		{
			id: "ubuntu", name: "Ubuntu", support: "standard security maintenance",
			reference: "https://ubuntu.com/about/release-cycle", preferLTS: true,
			extendedSupport: "Ubuntu Pro (ESM)",
			releases: []release{
				{cycle: "12.04", released: day(2012, 4, 26), eol: day(2017, 4, 28), extended: day(2019, 4, 26), lts: true},
				{cycle: "14.04", released: day(2014, 4, 17), eol: day(2019, 4, 2), extended: day(2024, 4, 2), lts: true},
				{cycle: "14.10", released: day(2014, 10, 23), eol: day(2015, 7, 23)},
				{cycle: "15.04", released: day(2015, 4, 23), eol: day(2016, 2, 4)},
				{cycle: "15.10", released: day(2015, 10, 22), eol: day(2016, 7, 28)},
				{cycle: "16.04", released: day(2016, 4, 21), eol: day(2021, 4, 2), extended: day(2026, 4, 2), lts: true},
				{cycle: "16.10", released: day(2016, 10, 13), eol: day(2017, 7, 20)},
				{cycle: "17.04", released: day(2017, 4, 13), eol: day(2018, 1, 13)},
				{cycle: "17.10", released: day(2017, 10, 19), eol: day(2018, 7, 19)},
				{cycle: "18.04", released: day(2018, 4, 26), eol: day(2023, 5, 31), extended: day(2028, 4, 1), lts: true},
				{cycle: "18.10", released: day(2018, 10, 18), eol: day(2019, 7, 18)},
				{cycle: "19.04", released: day(2019, 4, 18), eol: day(2020, 1, 23)},
				{cycle: "19.10", released: day(2019, 10, 17), eol: day(2020, 7, 6)},
				{cycle: "20.04", released: day(2020, 4, 23), eol: day(2025, 5, 31), extended: day(2030, 4, 2), lts: true},
				{cycle: "20.10", released: day(2020, 10, 22), eol: day(2021, 7, 22)},
				{cycle: "21.04", released: day(2021, 4, 22), eol: day(2022, 1, 20)},
				{cycle: "21.10", released: day(2021, 10, 14), eol: day(2022, 7, 14)},
				{cycle: "22.04", released: day(2022, 4, 21), eol: day(2027, 4, 1), extended: day(2032, 4, 9), lts: true},
				{cycle: "22.10", released: day(2022, 10, 20), eol: day(2023, 7, 20)},
				{cycle: "23.04", released: day(2023, 4, 20), eol: day(2024, 1, 20)},
				{cycle: "23.10", released: day(2023, 10, 12), eol: day(2024, 7, 12)},
				{cycle: "24.04", released: day(2024, 4, 25), eol: day(2029, 5, 31), lts: true},
				{cycle: "24.10", released: day(2024, 10, 10), eol: day(2025, 7, 10)},
				{cycle: "25.04", released: day(2025, 4, 17), eol: day(2026, 1, 17)},
				{cycle: "25.10", released: day(2025, 10, 9), eol: day(2026, 7, 1)},
				{cycle: "26.04", released: day(2026, 4, 23), eol: day(2031, 4, 30), lts: true},
			},
		},
		{
			id: "rhel", name: "Red Hat Enterprise Linux", support: "maintenance support",
			extendedSupport: "the Extended Life Cycle Support add-on",
			reference:       "https://access.redhat.com/support/policy/updates/errata",
			releases: []release{
				{cycle: "6", released: day(2010, 11, 10), eol: day(2020, 11, 30), extended: day(2024, 6, 30)},
				{cycle: "7", released: day(2014, 6, 10), eol: day(2024, 6, 30), extended: day(2028, 6, 30)},
				{cycle: "8", released: day(2019, 5, 7), eol: day(2029, 5, 31), extended: day(2032, 5, 31)},
				{cycle: "9", released: day(2022, 5, 18), eol: day(2032, 5, 31), extended: day(2035, 5, 31)},
				{cycle: "10", released: day(2025, 5, 20), eol: day(2035, 5, 31)},
			},
		},
		{
			id: "centos", name: "CentOS Linux", support: "security updates",
			reference:   "https://endoflife.date/centos",
			replacement: "a maintained RHEL rebuild (Rocky Linux, AlmaLinux) or Red Hat UBI",
			releases: []release{
				{cycle: "6", released: day(2011, 7, 10), eol: day(2020, 11, 30)},
				{cycle: "7", released: day(2014, 7, 7), eol: day(2024, 6, 30)},
				{cycle: "8", released: day(2019, 9, 24), eol: day(2021, 12, 31)},
			},
		},
		{
			id: "centos-stream", name: "CentOS Stream", support: "updates",
			reference: "https://endoflife.date/centos-stream",
			releases: []release{
				{cycle: "8", released: day(2019, 9, 24), eol: day(2024, 5, 31)},
				{cycle: "9", released: day(2021, 9, 15), eol: day(2027, 5, 31)},
				{cycle: "10", released: day(2024, 12, 12), eol: day(2030, 1, 1)},
			},
		},
		{
			id: "rocky", name: "Rocky Linux", support: "security support",
			reference: "https://wiki.rockylinux.org/rocky/version/",
			releases: []release{
				{cycle: "8", released: day(2021, 5, 1), eol: day(2029, 5, 31)},
				{cycle: "9", released: day(2022, 7, 14), eol: day(2032, 5, 31)},
				{cycle: "10", released: day(2025, 6, 11), eol: day(2035, 5, 31)},
			},
		},
		{
			id: "almalinux", name: "AlmaLinux", support: "security support",
			reference: "https://wiki.almalinux.org/release-notes/",
			releases: []release{
				{cycle: "8", released: day(2021, 3, 30), eol: day(2029, 3, 1)},
				{cycle: "9", released: day(2022, 5, 26), eol: day(2032, 5, 31)},
				{cycle: "10", released: day(2025, 5, 27), eol: day(2035, 5, 31)},
			},
		},
		{
			id: "ol", name: "Oracle Linux", support: "Premier Support",
			reference: "https://endoflife.date/oracle-linux",
			releases: []release{
				{cycle: "6", released: day(2011, 2, 12), eol: day(2021, 3, 1)},
				{cycle: "7", released: day(2014, 7, 23), eol: day(2024, 12, 1)},
				{cycle: "8", released: day(2019, 7, 19), eol: day(2029, 7, 1)},
				{cycle: "9", released: day(2022, 7, 6), eol: day(2032, 6, 30)},
			},
		},
		{
			id: "amzn", name: "Amazon Linux", support: "security support",
			reference: "https://endoflife.date/amazon-linux",
			releases: []release{
				{cycle: "1", released: day(2010, 12, 1), eol: day(2023, 12, 31)},
				{cycle: "2", released: day(2018, 6, 26), eol: day(2026, 6, 30)},
				{cycle: "2023", released: day(2023, 3, 15), eol: day(2029, 6, 30)},
			},
		},
		{
			id: "fedora", name: "Fedora Linux", support: "updates",
			reference: "https://docs.fedoraproject.org/en-US/releases/eol/",
			releases: []release{
				{cycle: "30", released: day(2019, 4, 30), eol: day(2020, 5, 26)},
				{cycle: "31", released: day(2019, 10, 29), eol: day(2020, 11, 24)},
				{cycle: "32", released: day(2020, 4, 28), eol: day(2021, 5, 25)},
				{cycle: "33", released: day(2020, 10, 27), eol: day(2021, 11, 30)},
				{cycle: "34", released: day(2021, 4, 27), eol: day(2022, 6, 7)},
				{cycle: "35", released: day(2021, 11, 2), eol: day(2022, 12, 13)},
				{cycle: "36", released: day(2022, 5, 10), eol: day(2023, 5, 16)},
				{cycle: "37", released: day(2022, 11, 15), eol: day(2023, 12, 5)},
				{cycle: "38", released: day(2023, 4, 18), eol: day(2024, 5, 21)},
				{cycle: "39", released: day(2023, 11, 7), eol: day(2024, 11, 26)},
				{cycle: "40", released: day(2024, 4, 23), eol: day(2025, 5, 13)},
				{cycle: "41", released: day(2024, 10, 29), eol: day(2025, 12, 15)},
				{cycle: "42", released: day(2025, 4, 15), eol: day(2026, 5, 13)},
				{cycle: "43", released: day(2025, 10, 28), eol: day(2026, 12, 9)},
			},
		},
		{
			id: "opensuse-leap", name: "openSUSE Leap", support: "maintenance",
			reference: "https://en.opensuse.org/Lifetime",
			releases: []release{
				{cycle: "42.3", released: day(2017, 7, 26), eol: day(2019, 7, 1)},
				{cycle: "15.0", released: day(2018, 5, 25), eol: day(2019, 12, 3)},
				{cycle: "15.1", released: day(2019, 5, 22), eol: day(2021, 2, 2)},
				{cycle: "15.2", released: day(2020, 7, 2), eol: day(2022, 1, 4)},
				{cycle: "15.3", released: day(2021, 6, 2), eol: day(2022, 12, 31)},
				{cycle: "15.4", released: day(2022, 6, 9), eol: day(2023, 12, 7)},
				{cycle: "15.5", released: day(2023, 6, 7), eol: day(2024, 12, 31)},
				{cycle: "15.6", released: day(2024, 6, 12), eol: day(2026, 4, 30)},
				{cycle: "16.0", released: day(2025, 10, 1), eol: day(2027, 10, 31)},
			},
		},
	}
}
