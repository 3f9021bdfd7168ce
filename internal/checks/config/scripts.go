package config

import (
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// source is shell text the image runs: a build step, or the shell command
// the container starts with.
type source struct {
	// step is the history step, or nil for the start command.
	step *step
	// key is config.Entrypoint or config.Cmd for the start command.
	key    string
	script script
}

// where names the source in messages.
func (s source) where() string {
	if s.step == nil {
		return "the start command"
	}
	return "step " + strconv.Itoa(s.step.index)
}

// evidence points at the source; value must be redacted.
func (s source) evidence(img *facts.Image, value string) report.Evidence {
	if s.step == nil {
		return report.Evidence{ConfigKey: s.key, Value: clip(value)}
	}
	return stepEvidence(img, s.step.index, value)
}

// buildScripts returns the shell scripts of the image's build steps.
func buildScripts(img *facts.Image) []source {
	var out []source
	for _, st := range steps(img) {
		if st.isScript() {
			out = append(out, source{step: &st, script: parseShell(st.text)})
		}
	}
	return out
}

// startScript returns the script of a shell-form start command
// (sh -c "..."), when the container starts with one.
func startScript(img *facts.Image) (source, bool) {
	argv, key := startArgv(img)
	prog := program(argv)
	if len(prog) < 2 || !isShell(base(prog[0])) {
		return source{}, false
	}
	for i, a := range prog[1:] {
		if strings.HasPrefix(a, "-") && strings.ContainsRune(a[1:], 'c') && !strings.HasPrefix(a, "--") {
			if i+2 < len(prog) {
				return source{key: key, script: parseShell(prog[i+2])}, true
			}
			return source{}, false
		}
	}
	return source{}, false
}

// startArgv is what the container runs, as docker combines it: the
// entrypoint followed by the command, or the command alone. key names the
// config field that starts it.
func startArgv(img *facts.Image) ([]string, string) {
	if img.Config == nil {
		return nil, ""
	}
	c := img.Config.Config
	if len(c.Entrypoint) > 0 {
		return append(append([]string{}, c.Entrypoint...), c.Cmd...), "config.Entrypoint"
	}
	return c.Cmd, "config.Cmd"
}

// allScripts returns the build scripts and the start script.
func allScripts(img *facts.Image) []source {
	out := buildScripts(img)
	if s, ok := startScript(img); ok {
		out = append(out, s)
	}
	return out
}
