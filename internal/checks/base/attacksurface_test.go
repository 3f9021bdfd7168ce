package base

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestAttackSurface(t *testing.T) {
	finding := func(sev report.Severity, msg string, ev report.Evidence, value string) report.Finding {
		ev.Value = value
		f := attackSurfaceInfo.New(msg, ev)
		f.Severity = sev
		return f
	}
	tests := []struct {
		name string
		img  *facts.Image
		want []report.Finding
	}{
		{
			name: "one finding per kind, each with its severity",
			img: newImage(facts.OS{ID: "debian"},
				layer{entries: []entry{exe("bin/bash"), symlink("bin/sh", "bash"), exe("usr/bin/apt-get")}, step: 0},
				layer{entries: []entry{exe("usr/bin/curl"), exe("usr/bin/gcc"), exe("usr/bin/python3.11"), exe("usr/bin/wget")}, step: 4},
			),
			want: []report.Finding{
				finding(report.SeverityInfo, "2 shells in the final filesystem: bash (/bin/bash), sh (/bin/sh)",
					layerEvidence(0, 0, "/bin/bash"), "bash, sh"),
				finding(report.SeverityLow, "1 package manager in the final filesystem: apt-get (/usr/bin/apt-get)",
					layerEvidence(0, 0, "/usr/bin/apt-get"), "apt-get"),
				finding(report.SeverityLow, "1 compiler or build tool in the final filesystem: gcc (/usr/bin/gcc)",
					layerEvidence(1, 4, "/usr/bin/gcc"), "gcc"),
				finding(report.SeverityInfo, "1 interpreter in the final filesystem: python (/usr/bin/python3.11)",
					layerEvidence(1, 4, "/usr/bin/python3.11"), "python"),
				finding(report.SeverityLow, "2 network tools in the final filesystem: curl (/usr/bin/curl), wget (/usr/bin/wget)",
					layerEvidence(1, 4, "/usr/bin/curl"), "curl, wget"),
			},
		},
		{
			name: "busybox alone is informational",
			img: newImage(facts.OS{ID: "alpine"},
				layer{entries: []entry{exe("bin/busybox"), symlink("bin/sh", "/bin/busybox"), symlink("usr/bin/wget", "/bin/busybox")}, step: 1}),
			want: []report.Finding{
				finding(report.SeverityInfo, "2 shells in the final filesystem: busybox (/bin/busybox), sh (/bin/sh)",
					layerEvidence(0, 1, "/bin/busybox"), "busybox, sh"),
			},
		},
		{
			name: "nothing but the application",
			img:  newImage(facts.OS{Scratch: true}, layer{entries: []entry{exe("app/server")}}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, attackSurface(), tt.img)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
