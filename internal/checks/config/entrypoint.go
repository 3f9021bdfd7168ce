package config

import (
	"context"
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var entrypointInfo = check.Info{
	ID:       "config/entrypoint",
	Version:  1,
	Title:    "What the container starts",
	Severity: report.SeverityInfo,
	Item:     report.ItemScripts,
	Description: "Shows the command the container runs, combined as the engine does (ENTRYPOINT followed by CMD), " +
		"and the file it resolves to through the image's PATH, with the layer that added it, so that it can be " +
		"read before it is trusted. A program that is not in the image, or not executable, is reported at " +
		"medium severity: the container cannot start as configured. For a shell-form command " +
		"(`sh -c \"...\"`), the programs the script runs by path are checked too.",
	Remediation: "Read the file the container starts (and the scripts it runs) before running the image; fix the " +
		"ENTRYPOINT or CMD when the program is missing.",
	References: []string{"https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact"},
}

func entrypoint() check.Constructor {
	return check.Image(entrypointInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		if img.FS == nil {
			return nil, fmt.Errorf("resolving the entrypoint: the image has no merged filesystem")
		}
		argv, key := startArgv(img)
		if len(argv) == 0 {
			return []report.Finding{info.New("the image sets no ENTRYPOINT or CMD: what runs must be given at run time", report.Evidence{ConfigKey: "config.Cmd"})}, nil
		}
		text := safeText(shellJoin(argv))
		if img.Config.OS == "windows" {
			return []report.Finding{info.New("the container starts "+text, report.Evidence{ConfigKey: key, Value: clip(text)})}, nil
		}
		lk := lookup{fs: img.FS, path: searchPath(cfg.Env), dir: cfg.WorkingDir}
		out := []report.Finding{startFinding(info, img, lk, argv, key, text)}
		if prog := program(argv); len(prog) > 0 && prog[0] != argv[0] {
			if f, ok := missingProgram(info, img, lk, prog[0], key, text, "the start command runs"); ok {
				out = append(out, f)
			}
		}
		if src, ok := startScript(img); ok {
			src.script.eachCommand(func(c command, _ pipeline, _ int) {
				if p, ok := runsFile(program(c.args())); ok {
					if f, ok := missingProgram(info, img, lk, p, key, commandText(c), "the start script runs"); ok {
						out = append(out, f)
					}
				}
			})
		}
		return out, nil
	})
}

// startFinding describes what argv[0] resolves to, or that it is missing.
func startFinding(info check.Info, img *facts.Image, lk lookup, argv []string, key, text string) report.Finding {
	if f, ok := missingProgram(info, img, lk, argv[0], key, text, "the container starts"); ok {
		return f
	}
	file, looked, _ := lk.find(argv[0])
	ev := fileEvidence(img, file, key, text)
	msg := fmt.Sprintf("the container starts %s", text)
	if "/"+file.Path != looked {
		msg += fmt.Sprintf("; %s is %s", redactText(looked), redactText(ev.Path))
	} else if looked != argv[0] {
		msg += fmt.Sprintf("; %s is %s", redactText(argv[0]), redactText(looked))
	}
	if ev.Layer != nil {
		msg += fmt.Sprintf(", added by layer %d", *ev.Layer)
	}
	return info.New(msg, ev)
}

// missingProgram reports a program that the start command runs but that is
// not in the image or not executable. verb says who runs it; a program a
// shell script runs may be a script read by an interpreter, so only its
// presence is checked.
func missingProgram(info check.Info, img *facts.Image, lk lookup, name, key, text, verb string) (report.Finding, bool) {
	file, looked, ok := lk.find(name)
	var msg string
	switch {
	case !ok:
		msg = fmt.Sprintf("%s %s, which is not in the image: the container cannot start as configured", verb, redactText(name))
	case !file.Executable() && verb != "the start script runs":
		msg = fmt.Sprintf("%s %s, which is not executable (mode %v)", verb, redactText(looked), file.Mode.Perm())
	default:
		return report.Finding{}, false
	}
	ev := report.Evidence{ConfigKey: key, Value: clip(text)}
	if ok {
		ev = fileEvidence(img, file, key, text)
	}
	f := info.New(msg, ev)
	f.Severity = report.SeverityMedium
	return f, true
}

// fileEvidence points at a file of the merged filesystem and the config key
// that runs it.
func fileEvidence(img *facts.Image, file *facts.File, key, text string) report.Evidence {
	ev := report.Evidence{ConfigKey: key, Value: clip(text), Path: "/" + file.Path}
	if l := layerAt(img, file.Layer); l != nil {
		ev.Layer, ev.LayerDigest = report.Int(file.Layer), l.Digest
		if l.HistoryStep >= 0 {
			ev.HistoryStep = report.Int(l.HistoryStep)
		}
	}
	return ev
}
