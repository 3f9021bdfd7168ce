package base_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/checks/base"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

const ubuntu1804 = `NAME="Ubuntu"
VERSION="18.04.6 LTS (Bionic Beaver)"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 18.04.6 LTS"
VERSION_ID="18.04"
VERSION_CODENAME=bionic
UBUNTU_CODENAME=bionic
`

// TestScan runs the base checks the way customs inspect does, on an image
// built in memory: the release file is a symlink into usr/lib, which a later
// layer replaces, and tools are added and removed across layers.
func TestScan(t *testing.T) {
	img := imagetest.Image(t, v1.Config{User: "1000", Cmd: []string{"/app/run"}},
		imagetest.Step{CreatedBy: "ADD ubuntu-base.tar.gz /", Layer: imagetest.Layer(t,
			imagetest.Dir("bin/"), imagetest.Exec("bin/bash", "elf"), imagetest.Symlink("bin/sh", "bash"),
			imagetest.Dir("etc/"), imagetest.Symlink("etc/os-release", "../usr/lib/os-release"),
			imagetest.File{Path: "etc/debian_version", Content: "buster/sid\n"},
			imagetest.Dir("usr/"), imagetest.Dir("usr/lib/"),
			imagetest.File{Path: "usr/lib/os-release", Content: "ID=ubuntu\nVERSION_ID=\"16.04\"\n"},
			imagetest.Dir("usr/bin/"), imagetest.Exec("usr/bin/apt-get", "elf"),
			imagetest.Dir("var/"), imagetest.Dir("var/lib/"), imagetest.Dir("var/lib/dpkg/"),
			imagetest.File{Path: "var/lib/dpkg/status", Content: "Package: base-files\n"})},
		imagetest.Step{CreatedBy: "RUN do-release-upgrade && apt-get install -y curl gcc", Layer: imagetest.Layer(t,
			imagetest.File{Path: "usr/lib/os-release", Content: ubuntu1804},
			imagetest.Exec("usr/bin/curl", "elf"), imagetest.Exec("usr/bin/gcc", "elf"))},
		imagetest.Step{CreatedBy: "ENV LANG=C.UTF-8"},
		imagetest.Step{CreatedBy: "RUN apt-get purge -y gcc", Layer: imagetest.Layer(t, imagetest.Whiteout("usr/bin", "gcc"))},
	)
	ref := imagetest.Layout(t, img, "example.com/team/app:1")
	r, err := scan.Inspect(context.Background(), ref, scan.Options{
		Checks:   base.Checks(),
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) },
		CacheDir: t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}

	wantOS := &report.OS{ID: "ubuntu", VersionID: "18.04", PrettyName: "Ubuntu 18.04.6 LTS", Family: "debian", EOL: "2023-05-31", Support: "eol"}
	if diff := cmp.Diff(wantOS, r.Image.OS); diff != "" {
		t.Errorf("OS (-want +got):\n%s", diff)
	}
	wantSurface := []report.Component{
		{Kind: "shell", Name: "bash", Path: "/bin/bash"},
		{Kind: "shell", Name: "sh", Path: "/bin/sh"},
		{Kind: "package-manager", Name: "apt-get", Path: "/usr/bin/apt-get"},
		{Kind: "network-tool", Name: "curl", Path: "/usr/bin/curl"},
	}
	if diff := cmp.Diff(wantSurface, r.Image.Surface); diff != "" {
		t.Errorf("attack surface (-want +got):\n%s", diff)
	}

	type summary struct {
		Check, Severity, Message, Path string
		Layer, Step                    int
	}
	var got []summary
	for _, f := range r.Findings {
		s := summary{Check: f.Check, Severity: f.Severity.String(), Message: f.Message, Path: f.Evidence.Path, Layer: -1, Step: -1}
		if f.Evidence.Layer != nil {
			s.Layer = *f.Evidence.Layer
		}
		if f.Evidence.HistoryStep != nil {
			s.Step = *f.Evidence.HistoryStep
		}
		got = append(got, s)
	}
	want := []summary{
		{"base/eol", "high", "Ubuntu 18.04 reached the end of standard security maintenance on 2023-05-31; " +
			"paid updates through Ubuntu Pro (ESM) continue until 2028-04-01; move to Ubuntu 26.04 LTS", "/usr/lib/os-release", 1, 1},
		{"base/attack-surface", "low", "1 package manager in the final filesystem: apt-get (/usr/bin/apt-get)", "/usr/bin/apt-get", 0, 0},
		{"base/attack-surface", "low", "1 network tool in the final filesystem: curl (/usr/bin/curl)", "/usr/bin/curl", 1, 1},
		{"base/attack-surface", "info", "2 shells in the final filesystem: bash (/bin/bash), sh (/bin/sh)", "/bin/bash", 0, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if r.Verdict.Decision != "review" {
		t.Errorf("verdict %q, want review for an end-of-life base", r.Verdict.Decision)
	}
}
