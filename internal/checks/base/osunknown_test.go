package base

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestOSUnknown(t *testing.T) {
	busybox := layer{entries: []entry{exe("bin/busybox"), symlink("bin/sh", "/bin/busybox")}, step: 2}
	tests := []struct {
		name string
		img  *facts.Image
		want []report.Finding
	}{
		{
			name: "shell without release file",
			img:  newImage(facts.OS{}, busybox),
			want: []report.Finding{osUnknownInfo.New(
				"no release file names the base OS, yet the image holds OS tools (busybox shell at /bin/busybox): its end of life and OS packages cannot be checked",
				layerEvidence(0, 2, "/bin/busybox"))},
		},
		{
			name: "package database without release file",
			img:  newImage(facts.OS{Distroless: true}, layer{entries: []entry{file("var/lib/dpkg/status", "Package: x\n")}, step: 0}),
			want: []report.Finding{osUnknownInfo.New(
				"no release file names the base OS, yet the image holds an OS package database: its end of life and OS packages cannot be checked",
				report.Evidence{})},
		},
		{name: "identified", img: newImage(facts.OS{ID: "debian", VersionID: "12"}, busybox)},
		{name: "identified without version", img: newImage(facts.OS{ID: "debian"}, busybox)},
		{name: "scratch", img: newImage(facts.OS{Scratch: true}, layer{entries: []entry{exe("app")}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, osUnknown(), tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
