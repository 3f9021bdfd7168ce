package config

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// step is one history entry of the image config, understood as the
// Dockerfile instruction that made it.
type step struct {
	index int
	raw   string
	// instruction is the upper-case Dockerfile instruction (RUN, ENV, ADD,
	// ...), RUN for a shell command, or empty when the text has no known
	// form, in which case it is analysed as shell text too.
	instruction string
	// flags are the instruction's --options (ADD --checksum=..., RUN --mount=...).
	flags []string
	// buildArgs are the NAME=value build arguments a RUN step recorded as
	// "|N NAME=value ...".
	buildArgs []string
	// text is the shell script of a RUN step, or the arguments of any other
	// instruction.
	text string
	// partial is set when the step's text was longer than maxScript, or
	// came after maxHistoryText, and was analysed in part or not at all.
	partial bool
}

// maxHistoryText bounds the history text analysed per image. Real histories
// are a few kilobytes; the bound keeps a config of tens of megabytes from
// making every check slow, and secret-in-history says when it was reached.
const maxHistoryText = 1 << 20

// isScript reports whether the step's text is shell to be run at build time.
func (s step) isScript() bool { return s.text != "" && (s.instruction == "RUN" || s.instruction == "") }

// instructions are the Dockerfile instructions recorded in history.
var instructions = map[string]bool{
	"ADD": true, "ARG": true, "CMD": true, "COPY": true, "ENTRYPOINT": true, "ENV": true,
	"EXPOSE": true, "HEALTHCHECK": true, "LABEL": true, "MAINTAINER": true, "ONBUILD": true,
	"RUN": true, "SHELL": true, "STOPSIGNAL": true, "USER": true, "VOLUME": true, "WORKDIR": true,
}

// steps parses the history of img's config.
func steps(img *facts.Image) []step {
	if img.Config == nil {
		return nil
	}
	out := make([]step, 0, len(img.Config.History))
	budget := maxHistoryText
	for i, h := range img.Config.History {
		if budget <= 0 {
			out = append(out, step{index: i, partial: true})
			continue
		}
		st := parseStep(h.CreatedBy)
		st.index = i
		st.partial = len(h.CreatedBy) > maxScript
		budget -= len(st.raw)
		out = append(out, st)
	}
	return out
}

// shellPrefix matches the shell a classic builder or BuildKit records in
// front of a RUN command, with the options a SHELL instruction may add
// ("/bin/bash -o pipefail -c").
var shellPrefix = regexp.MustCompile(`^(?:/usr)?(?:/bin/)?(?:sh|bash|ash|dash|zsh)(?:\s+(?:-o\s+[a-z]+|[-+][abd-zA-Z]+))*\s+-[a-zA-Z]*c[a-zA-Z]*\s+|^cmd\s+/S\s+/C\s+|^powershell(?:\.exe)?\s+-[Cc]ommand\s+`)

// parseStep understands the forms history takes: "/bin/sh -c #(nop)  ENV
// A=b" and "/bin/sh -c apt-get ..." (classic builder), "RUN |2 A=b C=d
// /bin/sh -c make # buildkit" and "ENV A=b" (BuildKit), and anything else as
// shell text.
func parseStep(raw string) step {
	s := strings.TrimSpace(raw)
	if len(s) > maxScript {
		s = s[:maxScript]
	}
	st := step{raw: s}
	s = strings.TrimSpace(strings.TrimSuffix(s, "# buildkit"))
	if loc := shellPrefix.FindStringIndex(s); loc != nil {
		rest := strings.TrimLeft(s[loc[1]:], " ")
		if r, ok := strings.CutPrefix(rest, "#(nop)"); ok {
			return instruction(st, strings.TrimSpace(r))
		}
		st.instruction, st.text = "RUN", rest
		return st
	}
	if strings.HasPrefix(s, "|") {
		return run(st, s)
	}
	name, _, _ := strings.Cut(s, " ")
	if instructions[name] {
		return instruction(st, s)
	}
	st.text = s
	return st
}

// instruction fills st from "INSTRUCTION [--flags] arguments".
func instruction(st step, s string) step {
	name, rest, _ := strings.Cut(s, " ")
	st.instruction = strings.ToUpper(name)
	rest = strings.TrimSpace(rest)
	if st.instruction == "RUN" {
		return run(st, rest)
	}
	st.flags, st.text = cutFlags(rest)
	return st
}

// run fills st from the arguments of a RUN step: options, build arguments,
// then the command in shell form or exec form.
func run(st step, s string) step {
	st.instruction = "RUN"
	st.flags, s = cutFlags(s)
	st.buildArgs, s = cutBuildArgs(s)
	if loc := shellPrefix.FindStringIndex(s); loc != nil {
		st.text = s[loc[1]:]
		return st
	}
	if strings.HasPrefix(s, "[") {
		var argv []string
		if json.Unmarshal([]byte(s), &argv) == nil {
			if len(argv) >= 3 && isShell(base(argv[0])) && strings.Contains(argv[1], "c") {
				st.text = argv[2]
			} else {
				st.text = shellJoin(argv)
			}
			return st
		}
	}
	st.text = s
	return st
}

// cutFlags splits leading --options from the rest of s.
func cutFlags(s string) ([]string, string) {
	var flags []string
	for strings.HasPrefix(s, "--") {
		f, rest, _ := strings.Cut(s, " ")
		flags = append(flags, f)
		s = strings.TrimLeft(rest, " ")
	}
	return flags, s
}

// argName finds the start of the next NAME= in a build-argument list.
var argName = regexp.MustCompile(` [A-Za-z_][A-Za-z0-9_]*=`)

// cutBuildArgs splits "|N A=b C=d rest" into its N build arguments and the
// rest. Values are recorded unquoted, so a value runs to the next " NAME=",
// and the last one to the shell prefix or, without one, the next space.
func cutBuildArgs(s string) ([]string, string) {
	if !strings.HasPrefix(s, "|") {
		return nil, s
	}
	count, rest, _ := strings.Cut(s[1:], " ")
	n, err := strconv.Atoi(count)
	if err != nil || n < 0 {
		return nil, s
	}
	var args []string
	for i := 0; i < n && assignment.MatchString(rest); i++ {
		end := len(rest)
		if i < n-1 {
			if loc := argName.FindStringIndex(rest); loc != nil {
				end = loc[0]
			}
		} else if j := shellAfterSpace(rest); j >= 0 {
			end = j
		} else if sp := strings.IndexByte(rest, ' '); sp >= 0 {
			end = sp
		}
		args = append(args, rest[:end])
		rest = strings.TrimLeft(rest[end:], " ")
	}
	return args, rest
}

// shellAfterSpace returns the index of the first space in s that is followed
// by a shell prefix, or -1.
func shellAfterSpace(s string) int {
	for j := 0; j < len(s); j++ {
		if s[j] == ' ' && shellPrefix.MatchString(s[j+1:]) {
			return j
		}
	}
	return -1
}

// shellJoin writes argv as shell words, quoting those that need it.
func shellJoin(argv []string) string {
	var b strings.Builder
	for i, a := range argv {
		if i > 0 {
			b.WriteByte(' ')
		}
		if a != "" && !strings.ContainsAny(a, " \t\n'\"\\$`|&;<>(){}*?[]#~") {
			b.WriteString(a)
			continue
		}
		b.WriteString("'" + strings.ReplaceAll(a, "'", `'\''`) + "'")
	}
	return b.String()
}
