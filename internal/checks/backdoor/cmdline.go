package backdoor

import (
	"regexp"
	"strings"
)

// maxCommands bounds the simple commands taken from one line.
const maxCommands = 64

// wrappers run the command that follows them.
var wrappers = map[string]bool{
	"nohup": true, "exec": true, "sudo": true, "setsid": true, "nice": true, "ionice": true, "env": true,
	"command": true, "time": true, "then": true, "do": true, "else": true, "su-exec": true, "gosu": true,
	"sh": true, "bash": true, "dash": true, "ash": true, "zsh": true, "/bin/sh": true, "/bin/bash": true,
	"/usr/bin/env": true, "/usr/bin/nohup": true, "/usr/bin/setsid": true, "timeout": true, "!": true,
}

// programs returns the program each simple command of a shell line runs,
// after variable assignments and wrappers such as nohup, exec or sh -c.
// It is a heuristic splitter, not a shell parser: quotes are dropped and
// separators inside them split too, which only finds more programs.
func programs(line string) []string {
	var out []string
	fields := strings.FieldsFunc(line, func(r rune) bool {
		return r == ';' || r == '|' || r == '&' || r == '(' || r == ')' || r == '`' || r == '{' || r == '}' || r == '\n'
	})
	for _, f := range fields {
		if len(out) == maxCommands {
			break
		}
		words := shellWords(f)
		skipArg := false
		for _, w := range words {
			switch {
			case skipArg:
				skipArg = false
				continue
			case strings.HasPrefix(w, "-"):
				if w == "-n" || w == "-u" {
					skipArg = true // nice -n 10, sudo -u user
				}
				continue
			case assignment.MatchString(w):
				continue
			case wrappers[w] || isNumber(w):
				continue
			}
			if words := strings.Fields(unquote(w)); len(words) > 0 {
				out = append(out, words[0])
			}
			break
		}
	}
	return out
}

// assignment is a shell variable assignment word, NAME=value.
var assignment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// shellWords splits text into words on blanks outside quotes, keeping the
// quotes so that assignments can be told apart.
func shellWords(s string) []string {
	var out []string
	start, quote := -1, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
			if start < 0 {
				start = i
			}
		case c == ' ' || c == '\t':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// unquote removes the quotes and dollar signs of a word.
func unquote(w string) string {
	return strings.NewReplacer(`"`, "", `'`, "", "$", "").Replace(w)
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' && s[i] != 's' && s[i] != 'm' {
			return false
		}
	}
	return s != ""
}

// tempProgram reports whether a program runs from a temporary directory
// or from a hidden one: places writable by anyone or out of sight, where
// nothing a package installs lives.
func tempProgram(prog string) bool {
	if strings.HasSuffix(prog, "/") {
		return false
	}
	for _, d := range []string{"/tmp/", "/var/tmp/", "/dev/shm/"} {
		if strings.HasPrefix(prog, d) {
			return true
		}
	}
	if !strings.HasPrefix(prog, "/") {
		return false
	}
	for _, part := range strings.Split(prog, "/") {
		if len(part) > 1 && part[0] == '.' && part != ".." {
			return true
		}
	}
	return false
}

// cronCommand returns the command of a crontab line: the line without its
// schedule (five time fields or an @keyword) and, in system crontabs, the
// user field. Assignments and comments are not commands.
func cronCommand(line string, withUser bool) (string, bool) {
	line = strings.TrimSpace(line)
	if line == "" || line[0] == '#' {
		return "", false
	}
	fields := strings.Fields(line)
	n := 5
	if strings.HasPrefix(fields[0], "@") {
		n = 1
	} else if strings.Contains(fields[0], "=") {
		return "", false
	}
	if withUser {
		n++
	}
	if len(fields) <= n {
		return "", false
	}
	for _, f := range fields[:min(5, n)] {
		if strings.HasPrefix(f, "@") {
			break
		}
		if strings.Trim(f, "0123456789*/,-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return "", false
		}
	}
	rest := line
	for range n {
		rest = strings.TrimLeft(rest, " \t")
		i := strings.IndexAny(rest, " \t")
		rest = rest[i:]
	}
	return strings.TrimSpace(rest), true
}

// unitCommand returns the command of a systemd unit, supervisord program
// or desktop entry line ("ExecStart=...", "command=...", "Exec=...").
func unitCommand(line string) (string, bool) {
	k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
	if !ok {
		return "", false
	}
	k = strings.ToLower(strings.TrimSpace(k))
	if strings.HasPrefix(k, "exec") || k == "command" {
		return strings.TrimLeft(strings.TrimSpace(v), "-@+!:"), true
	}
	return "", false
}
