package base

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var osUnknownInfo = check.Info{
	ID:       "base/os-unknown",
	Version:  1,
	Title:    "Base OS not identified",
	Severity: report.SeverityInfo,
	Item:     report.ItemBase,
	Description: "No release file (etc/os-release, usr/lib/os-release, or the older alpine-release, " +
		"redhat-release, lsb-release and debian_version) names the distribution, yet the image " +
		"holds OS tools or a package database. Its end of life cannot be checked and its OS " +
		"packages may not be matched against the right security data. Images built from scratch " +
		"that hold only static binaries are not reported.",
	Remediation: "Build from an official base image and keep its release files; do not delete " +
		"etc/os-release or usr/lib/os-release when slimming the image.",
	References: []string{"https://www.freedesktop.org/software/systemd/man/latest/os-release.html"},
}

func osUnknown() check.Constructor {
	return check.Image(osUnknownInfo, func(ctx context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.OS.ID != "" || img.OS.Scratch {
			return nil, nil
		}
		msg := "no release file names the base OS"
		ev := report.Evidence{}
		if comps := img.Surface; len(comps) > 0 {
			c := comps[0]
			msg += fmt.Sprintf(", yet the image holds OS tools (%s %s at %s)", c.Name, c.Kind, c.Path)
			if f, ok := img.FS.Stat(c.Path); ok {
				ev = fileEvidence(img, f)
			}
		} else if img.OS.Distroless {
			msg += ", yet the image holds an OS package database"
		}
		msg += ": its end of life and OS packages cannot be checked"
		return []report.Finding{info.New(msg, ev)}, nil
	})
}
