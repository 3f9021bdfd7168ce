package startup

import (
	"path"
	"strings"
)

// wrapper is a command that runs another: how many operands it takes
// before that command, and which of its options take a value.
type wrapper struct {
	operands   int
	valueFlags string
	background bool // the wrapper detaches what it runs
}

// wrappers run the command after their own options and operands.
var wrappers = map[string]wrapper{
	"exec":         {valueFlags: "a"},
	"env":          {valueFlags: "uCS"},
	"nohup":        {},
	"command":      {},
	"builtin":      {},
	"nice":         {valueFlags: "n"},
	"ionice":       {valueFlags: "cnp"},
	"stdbuf":       {valueFlags: "ioe"},
	"timeout":      {valueFlags: "sk", operands: 1},
	"sudo":         {valueFlags: "ugCDhprtUT"},
	"doas":         {valueFlags: "uC"},
	"gosu":         {operands: 1},
	"su-exec":      {operands: 1},
	"chpst":        {valueFlags: "uUblLmdofpcrn"},
	"s6-setuidgid": {operands: 1},
	"runuser":      {valueFlags: "ugG"},
	"tini":         {valueFlags: "pel"},
	"dumb-init":    {},
	"catatonit":    {},
	"setsid":       {background: true},
	"daemonize":    {valueFlags: "acelpuvE", background: true},
}

// invocation is a command with what only runs it peeled away.
type invocation struct {
	// args are the program and its arguments.
	args []token
	// exec is set when the shell replaces itself with the program.
	exec bool
	// detached is set when a wrapper or the program's options start it in
	// the background (setsid, start-stop-daemon --background, screen -dm,
	// tmux new -d, daemonize).
	detached bool
}

// unwrap strips assignments and wrappers from a command's words.
func unwrap(words []token) invocation {
	var inv invocation
	for hops := 0; hops < 16; hops++ {
		for len(words) > 0 && isAssignment(words[0].lit) {
			words = words[1:]
		}
		if len(words) == 0 {
			break
		}
		name := path.Base(words[0].lit)
		w, ok := wrappers[name]
		if !ok {
			break
		}
		if name == "exec" {
			inv.exec = true
		}
		if name == "setsid" {
			// setsid -w waits for the program.
			for _, a := range words[1:] {
				if a.lit == "-w" || a.lit == "--wait" {
					w.background = false
				}
			}
		}
		inv.detached = inv.detached || w.background
		words = skipOptions(words[1:], w)
	}
	inv.args = words
	if len(words) > 0 && detaches(words) {
		inv.detached = true
	}
	return inv
}

// detaches reports whether a program's own options start it in the
// background.
func detaches(args []token) bool {
	name := path.Base(args[0].lit)
	has := func(opts ...string) bool {
		for _, a := range args[1:] {
			for _, o := range opts {
				if a.lit == o {
					return true
				}
			}
		}
		return false
	}
	switch name {
	case "start-stop-daemon":
		return has("--background", "-b", "-bS", "-Sb")
	case "screen":
		for _, a := range args[1:] {
			if strings.HasPrefix(a.lit, "-d") && strings.Contains(a.lit, "m") {
				return true
			}
		}
		return has("-d") && has("-m")
	case "tmux":
		return (has("new", "new-session")) && has("-d")
	}
	return false
}

func isAssignment(s string) bool {
	i := strings.IndexByte(s, '=')
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		if !isNameByte(s[j]) || (j == 0 && s[j] >= '0' && s[j] <= '9') {
			return false
		}
	}
	return true
}

// skipOptions drops a wrapper's options, NAME=value words and operands.
func skipOptions(args []token, w wrapper) []token {
	for len(args) > 0 {
		a := args[0].lit
		switch {
		case a == "--":
			return skipN(args[1:], w.operands)
		case strings.HasPrefix(a, "--"):
			args = args[1:]
		case strings.HasPrefix(a, "-") && len(a) > 1:
			args = args[1:]
			if w.valueFlags != "" && strings.IndexByte(w.valueFlags, a[len(a)-1]) >= 0 && len(args) > 0 {
				args = args[1:]
			}
		case isAssignment(a):
			args = args[1:]
		default:
			return skipN(args, w.operands)
		}
	}
	return nil
}

func skipN(args []token, n int) []token {
	if n >= len(args) {
		return nil
	}
	return args[n:]
}

// shells are the interpreters whose scripts the chain reads.
var shells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "ksh": true, "mksh": true, "zsh": true}

// isShell reports whether name is a POSIX-like shell.
func isShell(name string) bool { return shells[path.Base(name)] }

// shellArgs splits the arguments of a shell: the script text of -c, or
// the script file it reads, and the arguments after it.
func shellArgs(args []token) (inline string, file token, rest []token, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i].lit
		switch {
		case a == "--":
			if i+1 < len(args) {
				return "", args[i+1], args[i+2:], true
			}
			return "", token{}, nil, false
		case strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "c"):
			if i+1 < len(args) {
				return args[i+1].lit, token{}, args[i+2:], true
			}
			return "", token{}, nil, false
		case strings.HasPrefix(a, "-") || strings.HasPrefix(a, "+"):
			if a == "-o" || a == "+o" {
				i++
			}
		default:
			return "", args[i], args[i+1:], true
		}
	}
	return "", token{}, nil, false
}
