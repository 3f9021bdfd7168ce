package base

import (
	"context"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/surface"
)

var attackSurfaceInfo = check.Info{
	ID:       "base/attack-surface",
	Version:  1,
	Title:    "Tools an intruder could use are present",
	Severity: report.SeverityLow,
	Item:     report.ItemBase,
	Description: "Lists the shells, package managers, compilers and build tools, interpreters and " +
		"network tools present in the final filesystem, one finding per kind. Whoever gets code " +
		"execution in the container uses what is already there: a package manager or compiler " +
		"installs or builds anything, curl, wget or netcat fetch payloads and open channels. " +
		"Package managers, compilers and network tools are low; shells and interpreters, which " +
		"many applications need, are informational.",
	Remediation: "Use a multi-stage build so compilers and package managers stay in the build " +
		"stage, and start the final stage from a minimal base (distroless, scratch, a static " +
		"Wolfi image) or remove the tools the application does not run.",
	References: []string{
		"CIS Docker Benchmark 4.3: Ensure that unnecessary packages are not installed in the container",
		"https://docs.docker.com/build/building/multi-stage/",
		"https://github.com/GoogleContainerTools/distroless",
	},
}

// kindSeverity is the severity of each kind of tool.
var kindSeverity = map[string]report.Severity{
	surface.KindShell:          report.SeverityInfo,
	surface.KindInterpreter:    report.SeverityInfo,
	surface.KindPackageManager: report.SeverityLow,
	surface.KindCompiler:       report.SeverityLow,
	surface.KindNetworkTool:    report.SeverityLow,
}

// kindNouns names each kind in messages, singular and plural.
var kindNouns = map[string][2]string{
	surface.KindShell:          {"shell", "shells"},
	surface.KindInterpreter:    {"interpreter", "interpreters"},
	surface.KindPackageManager: {"package manager", "package managers"},
	surface.KindCompiler:       {"compiler or build tool", "compilers and build tools"},
	surface.KindNetworkTool:    {"network tool", "network tools"},
}

func attackSurface() check.Constructor {
	return check.Image(attackSurfaceInfo, func(ctx context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		byKind := map[string][]report.Component{}
		for _, c := range img.Surface {
			byKind[c.Kind] = append(byKind[c.Kind], c)
		}
		var out []report.Finding
		for _, kind := range surface.Kinds() {
			comps := byKind[kind]
			if len(comps) == 0 {
				continue
			}
			noun := kindNouns[kind][0]
			if len(comps) > 1 {
				noun = kindNouns[kind][1]
			}
			listed := make([]string, len(comps))
			names := make([]string, len(comps))
			for i, c := range comps {
				listed[i] = fmt.Sprintf("%s (%s)", c.Name, c.Path)
				names[i] = c.Name
			}
			msg := fmt.Sprintf("%d %s in the final filesystem: %s", len(comps), noun, strings.Join(listed, ", "))
			ev := report.Evidence{}
			if f, ok := img.FS.Stat(comps[0].Path); ok {
				ev = fileEvidence(img, f)
			}
			ev.Value = strings.Join(names, ", ")
			f := info.New(msg, ev)
			f.Severity = kindSeverity[kind]
			out = append(out, f)
		}
		return out, nil
	})
}
