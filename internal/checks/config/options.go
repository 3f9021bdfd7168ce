package config

import "strings"

// opt is one option of a command line: "-o" or "--output" and its value.
type opt struct {
	name, value string
}

// cmdline is a command's arguments split into options and operands.
type cmdline struct {
	opts     []opt
	operands []string
}

// syntax says which options of a program take a value, so that values are
// not mistaken for operands: short ones as letters, long ones by name.
type syntax struct {
	short string
	long  map[string]bool
}

// parseArgs splits args (without argv[0]) getopt-style: short options may be
// clustered ("-fsSLo file", "-qO-"), long ones take "=value" or, when the
// syntax says so, the next word; "--" ends the options.
func parseArgs(args []string, sx syntax) cmdline {
	var c cmdline
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			c.operands = append(c.operands, args[i+1:]...)
			return c
		case strings.HasPrefix(a, "--"):
			name, value, ok := strings.Cut(a, "=")
			if !ok && sx.long[name] && i+1 < len(args) {
				i++
				value = args[i]
			}
			c.opts = append(c.opts, opt{name, value})
		case strings.HasPrefix(a, "-") && len(a) > 1:
			for j := 1; j < len(a); j++ {
				name := "-" + a[j:j+1]
				if strings.IndexByte(sx.short, a[j]) < 0 {
					c.opts = append(c.opts, opt{name: name})
					continue
				}
				value := a[j+1:]
				if value == "" && i+1 < len(args) {
					i++
					value = args[i]
				}
				c.opts = append(c.opts, opt{name, value})
				break
			}
		default:
			c.operands = append(c.operands, a)
		}
	}
	return c
}

// has reports whether any of names was given.
func (c cmdline) has(names ...string) bool {
	_, ok := c.value(names...)
	return ok
}

// value returns the value of the last of names given.
func (c cmdline) value(names ...string) (string, bool) {
	for i := len(c.opts) - 1; i >= 0; i-- {
		for _, n := range names {
			if c.opts[i].name == n {
				return c.opts[i].value, true
			}
		}
	}
	return "", false
}

// longSet builds the set of long options that take a value.
func longSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
