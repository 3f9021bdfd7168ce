package base

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestEndOfLife(t *testing.T) {
	debian9 := facts.OS{ID: "debian", VersionID: "9", PrettyName: "Debian GNU/Linux 9 (stretch)", Family: "debian"}
	alpine := facts.OS{ID: "alpine", VersionID: "3.22.2", PrettyName: "Alpine Linux v3.22", Family: "alpine"}
	osRelease := layer{entries: []entry{file("etc/os-release", "ID=x\n")}, step: 0}
	finding := func(sev report.Severity, msg string, ev report.Evidence) []report.Finding {
		f := eolInfo.New(msg, ev)
		f.Severity = sev
		return []report.Finding{f}
	}
	withValue := func(ev report.Evidence, value, ref string) report.Evidence {
		ev.Value, ev.Reference = value, ref
		return ev
	}
	tests := []struct {
		name string
		img  *facts.Image
		now  time.Time
		want []report.Finding
	}{
		{
			name: "debian 9 is past the end of LTS",
			img:  newImage(debian9, osRelease),
			now:  reviewDay,
			want: finding(report.SeverityHigh, "Debian 9 reached the end of Debian LTS on 2022-06-30; move to Debian 13",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "debian 9", "https://wiki.debian.org/LTS")),
		},
		{
			name: "ubuntu 18.04 names the paid updates still running",
			img: newImage(facts.OS{ID: "ubuntu", VersionID: "18.04", Family: "debian"},
				layer{entries: []entry{symlink("etc/os-release", "../usr/lib/os-release")}, step: 0},
				layer{entries: []entry{file("usr/lib/os-release", "ID=ubuntu\n")}, step: 3}),
			now: reviewDay,
			want: finding(report.SeverityHigh, "Ubuntu 18.04 reached the end of standard security maintenance on 2023-05-31; "+
				"paid updates through Ubuntu Pro (ESM) continue until 2028-04-01; move to Ubuntu 26.04 LTS",
				withValue(layerEvidence(1, 3, "/usr/lib/os-release"), "ubuntu 18.04", "https://ubuntu.com/about/release-cycle")),
		},
		{
			name: "paid support counted to its last day",
			img:  newImage(facts.OS{ID: "ubuntu", VersionID: "16.04"}, osRelease),
			now:  time.Date(2026, 4, 2, 18, 0, 0, 0, time.UTC),
			want: finding(report.SeverityHigh, "Ubuntu 16.04 reached the end of standard security maintenance on 2021-04-02; "+
				"paid updates through Ubuntu Pro (ESM) continue until 2026-04-02; move to Ubuntu 24.04 LTS",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "ubuntu 16.04", "https://ubuntu.com/about/release-cycle")),
		},
		{
			name: "paid support over",
			img:  newImage(facts.OS{ID: "ubuntu", VersionID: "16.04"}, osRelease),
			now:  time.Date(2026, 4, 3, 0, 0, 0, 0, time.UTC),
			want: finding(report.SeverityHigh, "Ubuntu 16.04 reached the end of standard security maintenance on 2021-04-02; move to Ubuntu 24.04 LTS",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "ubuntu 16.04", "https://ubuntu.com/about/release-cycle")),
		},
		{
			name: "centos 6 from its release file",
			img: newImage(facts.OS{ID: "centos", VersionID: "6", PrettyName: "CentOS release 6.10 (Final)", Family: "rhel"},
				layer{entries: []entry{file("etc/centos-release", "CentOS release 6.10 (Final)\n")}, step: 1}),
			now: reviewDay,
			want: finding(report.SeverityHigh, "CentOS Linux 6 reached the end of security updates on 2020-11-30; "+
				"move to a maintained RHEL rebuild (Rocky Linux, AlmaLinux) or Red Hat UBI",
				withValue(layerEvidence(0, 1, "/etc/centos-release"), "centos 6", "https://endoflife.date/centos")),
		},
		{
			name: "alpine 3.22 within 90 days of its end is medium",
			img:  newImage(alpine, osRelease),
			now:  time.Date(2027, 1, 31, 23, 0, 0, 0, time.UTC),
			want: finding(report.SeverityMedium, "Alpine Linux 3.22 reaches the end of security support on 2027-05-01, in 90 days; move to Alpine Linux 3.23",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "alpine 3.22.2", "https://endoflife.date/alpine")),
		},
		{
			name: "on its last day",
			img:  newImage(alpine, osRelease),
			now:  time.Date(2027, 5, 1, 12, 0, 0, 0, time.UTC),
			want: finding(report.SeverityMedium, "Alpine Linux 3.22 reaches the end of security support on 2027-05-01, today; move to Alpine Linux 3.23",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "alpine 3.22.2", "https://endoflife.date/alpine")),
		},
		{
			name: "the day after",
			img:  newImage(alpine, osRelease),
			now:  time.Date(2027, 5, 2, 0, 0, 0, 0, time.UTC),
			want: finding(report.SeverityHigh, "Alpine Linux 3.22 reached the end of security support on 2027-05-01; move to Alpine Linux 3.23",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "alpine 3.22.2", "https://endoflife.date/alpine")),
		},
		{
			name: "the day before",
			img:  newImage(alpine, osRelease),
			now:  time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC),
			want: finding(report.SeverityMedium, "Alpine Linux 3.22 reaches the end of security support on 2027-05-01, tomorrow; move to Alpine Linux 3.23",
				withValue(layerEvidence(0, 0, "/etc/os-release"), "alpine 3.22.2", "https://endoflife.date/alpine")),
		},
		{name: "alpine 3.22 more than 90 days before its end", img: newImage(alpine, osRelease), now: time.Date(2027, 1, 30, 23, 59, 0, 0, time.UTC)},
		{name: "supported", img: newImage(alpine, osRelease), now: reviewDay},
		{name: "rolling release", img: newImage(facts.OS{ID: "wolfi", VersionID: "20230201"}, osRelease), now: reviewDay},
		{name: "unknown OS", img: newImage(facts.OS{}), now: reviewDay},
		{name: "scratch", img: newImage(facts.OS{Scratch: true}), now: reviewDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.img.Now = tt.now
			got, err := run(t, endOfLife(), tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEndOfLifeNeedsTheDay(t *testing.T) {
	img := newImage(facts.OS{ID: "debian", VersionID: "9"})
	img.Now = time.Time{}
	if _, err := run(t, endOfLife(), img); err == nil {
		t.Error("no error without an inspection day")
	}
}

func TestEndOfLifeWithoutFilesystem(t *testing.T) {
	img := &facts.Image{OS: facts.OS{ID: "debian", VersionID: "9"}, Now: reviewDay}
	got, err := run(t, endOfLife(), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Evidence.Path != "" || got[0].Evidence.Value != "debian 9" {
		t.Errorf("findings = %+v, want one without a path", got)
	}
}
