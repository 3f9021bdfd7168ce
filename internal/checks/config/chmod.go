package config

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var chmod777Info = check.Info{
	ID:       "config/chmod-777",
	Version:  1,
	Title:    "Build step makes files world-writable",
	Severity: report.SeverityMedium,
	Item:     report.ItemPrivilege,
	Description: "A build step or the start command gives everyone write access: `chmod 777`, `chmod -R 666`, " +
		"`chmod a+rwx`, `chmod o+w`, `mkdir -m 777`, `install -m 777`, also through `find -exec` and `xargs`. Any " +
		"process in the container, whatever its user, can then change those files, including programs that a " +
		"more privileged process runs. Modes with the sticky bit (`chmod 1777 /tmp`) are not reported.",
	Remediation: "Give ownership to the user that needs to write (`chown app`, `COPY --chown`) and keep modes at " +
		"755/644 or tighter.",
	References: []string{"CWE-732"},
}

func chmod777() check.Constructor {
	return check.Image(chmod777Info, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		if img.Config == nil {
			return nil, errNoConfig
		}
		var out []report.Finding
		for _, src := range allScripts(img) {
			n := 0
			src.script.eachCommand(func(c command, _ pipeline, _ int) {
				if n >= maxPerSource {
					return
				}
				outer := program(c.args())
				for _, prog := range withFindExec(outer) {
					if mode, files, ok := openMode(prog); ok {
						if len(files) == 1 && files[0] == "{}" {
							files = findRoots(outer)
						}
						msg := fmt.Sprintf("%s makes %s world-writable (%s %s)", src.where(), describeFiles(files), base(prog[0]), mode)
						out = append(out, info.New(redactText(msg), src.evidence(img, commandText(c))))
						n++
					}
				}
			})
		}
		return out, nil
	})
}

// withFindExec returns prog and the commands it runs with find -exec.
func withFindExec(prog []string) [][]string {
	out := [][]string{prog}
	if len(prog) == 0 || base(prog[0]) != "find" {
		return out
	}
	for i := 1; i < len(prog); i++ {
		if prog[i] != "-exec" && prog[i] != "-execdir" && prog[i] != "-ok" {
			continue
		}
		j := i + 1
		for j < len(prog) && prog[j] != ";" && prog[j] != "+" {
			j++
		}
		out = append(out, program(prog[i+1:j]))
		i = j
	}
	return out
}

// findRoots returns the paths find starts from: its operands before the
// first expression.
func findRoots(prog []string) []string {
	var out []string
	for _, a := range prog[1:] {
		if strings.HasPrefix(a, "-") || a == "(" || a == "!" {
			break
		}
		out = append(out, a)
	}
	return out
}

// openMode returns the mode and files when prog is chmod, mkdir -m or
// install -m with a mode that lets others write.
func openMode(prog []string) (string, []string, bool) {
	if len(prog) < 2 {
		return "", nil, false
	}
	switch base(prog[0]) {
	case "chmod":
		for i, a := range prog[1:] {
			if !strings.HasPrefix(a, "-") {
				return a, operands(prog[i+2:]), worldWritable(a)
			}
		}
	case "mkdir", "install":
		c := parseArgs(prog[1:], syntax{short: "mogtST", long: longSet("--mode", "--owner", "--group", "--target-directory", "--suffix", "--context")})
		if m, ok := c.value("-m", "--mode"); ok {
			return m, c.operands, worldWritable(m)
		}
	}
	return "", nil, false
}

func operands(args []string) []string {
	var out []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			out = append(out, a)
		}
	}
	return out
}

// worldWritable reports whether a chmod mode, octal or symbolic, grants
// write access to others without setting the sticky bit.
func worldWritable(mode string) bool {
	if n, err := strconv.ParseUint(mode, 8, 16); err == nil && len(mode) <= 5 {
		return n&0o002 != 0 && n&0o1000 == 0
	}
	open := false
	for _, clause := range strings.Split(mode, ",") {
		who := strings.TrimLeft(clause, "ugoa")
		others := strings.ContainsAny(clause[:len(clause)-len(who)], "oa")
		for _, action := range splitActions(who) {
			op, perms := action[0], action[1:]
			if strings.ContainsRune(perms, 't') {
				return false
			}
			if others && (op == '+' || op == '=') && strings.ContainsRune(perms, 'w') {
				open = true
			}
		}
	}
	return open
}

// splitActions splits "+rw-x" into "+rw" and "-x".
func splitActions(s string) []string {
	var out []string
	for len(s) > 0 {
		if s[0] != '+' && s[0] != '-' && s[0] != '=' {
			return out
		}
		end := strings.IndexAny(s[1:], "+-=")
		if end < 0 {
			return append(out, s)
		}
		out = append(out, s[:end+1])
		s = s[end+1:]
	}
	return out
}

// describeFiles names up to three files.
func describeFiles(files []string) string {
	switch {
	case len(files) == 0:
		return "files"
	case len(files) > 3:
		return strings.Join(files[:3], ", ") + fmt.Sprintf(" and %d more", len(files)-3)
	}
	return strings.Join(files, ", ")
}
