package config

import (
	"path"
	"regexp"
	"strings"
)

// wrapper describes a command that runs another one: its options that take
// a value, and how many operands come before the command it runs.
type wrapper struct {
	valueFlags string // short options taking a value, as letters
	longValue  []string
	operands   int
}

// wrappers run the command after their own options and operands, so the
// interesting program is further along the words: "sudo -u app sh" runs sh.
var wrappers = map[string]wrapper{
	"sudo":      {valueFlags: "ugCDhprtUT", longValue: []string{"--user", "--group", "--chdir", "--chroot", "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout", "--close-from"}},
	"doas":      {valueFlags: "uC"},
	"env":       {valueFlags: "uCS", longValue: []string{"--unset", "--chdir", "--split-string"}},
	"nohup":     {},
	"exec":      {valueFlags: "a"},
	"command":   {},
	"builtin":   {},
	"time":      {valueFlags: "fo", longValue: []string{"--format", "--output"}},
	"nice":      {valueFlags: "n", longValue: []string{"--adjustment"}},
	"ionice":    {valueFlags: "cnp", longValue: []string{"--class", "--classdata", "--pid"}},
	"stdbuf":    {valueFlags: "ioe", longValue: []string{"--input", "--output", "--error"}},
	"timeout":   {valueFlags: "sk", longValue: []string{"--signal", "--kill-after"}, operands: 1},
	"busybox":   {},
	"chroot":    {longValue: []string{"--userspec", "--groups"}, operands: 1},
	"gosu":      {operands: 1},
	"su-exec":   {operands: 1},
	"runuser":   {valueFlags: "ugG", longValue: []string{"--user", "--group", "--supp-group"}},
	"tini":      {valueFlags: "pe"},
	"dumb-init": {},
	"fakeroot":  {},
	"xargs":     {valueFlags: "adEeIiLlnPs", longValue: []string{"--arg-file", "--delimiter", "--eof", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars"}},
}

// assignment matches a shell variable assignment word.
var assignment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// program strips what only runs the program: leading NAME=value assignments
// and wrappers such as sudo, env and exec with their options. argv[0] of the
// result is as written; base gives its name.
func program(args []string) []string {
	for hops := 0; len(args) > 0 && hops < 16; hops++ {
		for len(args) > 0 && assignment.MatchString(args[0]) {
			args = args[1:]
		}
		if len(args) == 0 {
			return nil
		}
		name := base(args[0])
		w, ok := wrappers[name]
		if !ok {
			return args
		}
		if name == "command" && len(args) > 1 && (args[1] == "-v" || args[1] == "-V") {
			return nil // only looks the program up
		}
		args = skipOptions(args[1:], w)
	}
	return args
}

// skipOptions drops a wrapper's options, its NAME=value words (env) and its
// operands, and returns the command it runs.
func skipOptions(args []string, w wrapper) []string {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			args = args[1:]
			return skipOperands(args, w.operands)
		case strings.HasPrefix(a, "--"):
			args = args[1:]
			name, _, hasValue := strings.Cut(a, "=")
			if !hasValue && containsString(w.longValue, name) && len(args) > 0 {
				args = args[1:]
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			args = args[1:]
			if i := strings.IndexAny(a[1:], w.valueFlags); w.valueFlags != "" && i >= 0 && i == len(a)-2 && len(args) > 0 {
				args = args[1:] // "-u app": the value is the next word
			}
		case assignment.MatchString(a):
			args = args[1:]
		default:
			return skipOperands(args, w.operands)
		}
	}
	return nil
}

func skipOperands(args []string, n int) []string {
	if n >= len(args) {
		return nil
	}
	return args[n:]
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// base returns the program name of a path: "/usr/bin/curl" is "curl".
func base(p string) string {
	if p == "" {
		return ""
	}
	return path.Base(p)
}

// shells read a script from a file, from -c or from their input.
var shells = map[string]bool{
	"sh": true, "bash": true, "dash": true, "zsh": true, "ksh": true, "ash": true,
	"mksh": true, "yash": true, "fish": true, "rbash": true,
}

// interpreterName matches the other programs that run a script given on
// their input or as a file.
var interpreterName = regexp.MustCompile(`^(python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|php[0-9.]*|pwsh|lua[0-9.]*|Rscript)$`)

func isShell(name string) bool { return shells[name] }

// isInterpreter reports whether name runs scripts: a shell or a language.
func isInterpreter(name string) bool { return shells[name] || interpreterName.MatchString(name) }
