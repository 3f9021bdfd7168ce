package startup

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// Bounds of the chain: how many files it reads and how many commands it
// looks at in all, and how deep functions expand.
const (
	maxFiles    = 8
	maxCommands = 256
	maxFnDepth  = 4
	maxChildren = 32
)

// step is one link of the start-up chain, as shown to the reader.
type step struct {
	verb   string // "sources", "runs", "exec", "" for the start
	target string
}

// site is where a command was found: a script file (path and the file in
// the merged filesystem) and line, or the start command itself.
type site struct {
	path string
	file *facts.File
	line int
}

// backgrounded is a command started in the background before the main
// process.
type backgrounded struct {
	at   site
	text string
	prog string
}

// missing is a script the chain refers to that is not in the image.
type missing struct {
	at   site
	verb string
	name string
}

// unread is a file the chain runs whose content was not collected.
type unread struct {
	at   site
	path string
}

// chain follows what a container starts, from ENTRYPOINT and CMD through
// the shell scripts it runs, sources and execs.
type chain struct {
	lk     lookup
	steps  []step
	bg     []backgrounded
	miss   []missing
	unread []unread
	// entry is the first script read, the file the finding points at.
	entry *site
	files int
	cmds  int
	// truncated is set when a bound stopped the walk.
	truncated bool
	// done is set once the main process is known (an exec).
	done bool
	// last is the last command run in the foreground.
	last string
	seen map[string]bool
}

// follow builds the chain of img. It returns nil when the container does
// not start a shell script, which config/entrypoint already describes.
func follow(img *facts.Image) *chain {
	if img.Config == nil || img.FS == nil || img.Config.OS == "windows" {
		return nil
	}
	cfg := img.Config.Config
	argv := append(append([]string{}, cfg.Entrypoint...), cfg.Cmd...)
	if len(argv) == 0 {
		return nil
	}
	words := make([]token, len(argv))
	for i, a := range argv {
		words[i] = token{kind: tokWord, text: quote(a), lit: a, line: 0}
	}
	c := &chain{lk: newLookup(img), seen: map[string]bool{}}
	c.start(words)
	if c.entry == nil {
		return nil
	}
	return c
}

// start follows the container's argv.
func (c *chain) start(argv []token) {
	inv := unwrap(argv)
	if len(inv.args) == 0 {
		return
	}
	at := site{path: "the start command"}
	if isShell(inv.args[0].lit) {
		c.shell(at, inv.args, "", true)
		return
	}
	c.runFile(at, inv.args[0].lit, inv.args[1:], "", true)
}

// shell follows `sh -c TEXT` or `sh FILE ARGS`.
func (c *chain) shell(at site, args []token, verb string, exec bool) {
	inline, file, rest, ok := shellArgs(args[1:])
	switch {
	case !ok:
		return
	case inline != "" || file.lit == "":
		if c.entry == nil {
			c.entry = &site{path: at.path}
		}
		c.addStep(verb, strings.TrimSpace(join(args[:1])+" -c "+quote(inline)))
		if c.files >= maxFiles {
			c.truncated = true
			return
		}
		c.files++
		c.script(site{path: at.path, file: at.file, line: at.line}, parse(inline), lits(rest))
		if exec {
			c.done = true
		}
	case !file.dynamic:
		c.runFileAs(at, file.lit, rest, verb, exec, true)
	}
}

// runFile follows a program or script run by path or name.
func (c *chain) runFile(at site, name string, args []token, verb string, exec bool) {
	c.runFileAs(at, name, args, verb, exec, verb == "sources")
}

// runFileAs follows a file; shell says a shell reads it whatever its first
// line (it is sourced, or given to sh).
func (c *chain) runFileAs(at site, name string, args []token, verb string, exec, shell bool) {
	f, p, ok := c.lk.find(name)
	if !ok {
		if at.file != nil || at.line > 0 {
			c.miss = append(c.miss, missing{at: at, verb: verbOr(verb, "runs"), name: name})
		}
		return
	}
	data, collected := c.lk.read(f)
	kind := "program"
	if collected {
		kind = interpreter(data)
		if shell && kind != "ELF program" {
			kind = "shell"
		}
	}
	if c.entry == nil {
		if (collected && kind != "shell") || (!collected && !looksLikeScript(p)) {
			return // not a script: config/entrypoint says what it is
		}
		c.entry = &site{path: p, file: f}
	}
	switch {
	case !collected:
		c.addStep(verbOr(verb, "runs"), p)
		c.unread = append(c.unread, unread{at: at, path: p})
	case kind == "shell":
		c.addStep(verb, p)
		if c.seen[p] || c.files >= maxFiles {
			c.truncated = c.truncated || c.files >= maxFiles
			break
		}
		c.seen[p] = true
		c.files++
		c.script(site{path: p, file: f}, parse(string(data)), lits(args))
	default:
		c.addStep(verbOr(verb, "runs"), strings.TrimSpace(p+" "+join(args)+kindNote(kind)))
	}
	if exec {
		c.done = true
	}
}

// script walks the top-level commands of a parsed script with its
// positional arguments.
func (c *chain) script(at site, s script, args []string) {
	st := &scriptState{s: s, args: args, calls: map[string]int{}}
	c.commands(at, st, 0, len(s.cmds), "", 0)
}

type scriptState struct {
	s     script
	args  []string
	calls map[string]int
}

// commands walks cmds[from:to] that belong to function fn ("" = top level).
func (c *chain) commands(at site, st *scriptState, from, to int, fn string, depth int) {
	for i := from; i < to && !c.done; i++ {
		cmd := st.s.cmds[i]
		if cmd.fn != fn {
			continue
		}
		if c.cmds >= maxCommands {
			c.truncated = true
			return
		}
		c.cmds++
		c.command(site{path: at.path, file: at.file, line: cmd.line}, st, cmd, depth)
	}
}

// command follows one command of a script.
func (c *chain) command(at site, st *scriptState, cmd command, depth int) {
	inv := unwrap(cmd.words)
	if len(inv.args) == 0 {
		return
	}
	args := substitute(inv.args, st.args)
	if len(args) == 0 {
		return
	}
	prog := args[0]
	if cmd.background || inv.detached {
		c.bg = append(c.bg, backgrounded{at: at, text: join(cmd.words), prog: prog.lit})
		c.addStep("starts in the background:", join(cmd.words))
		return
	}
	c.last = join(args)
	name := path.Base(prog.lit)
	if span, ok := st.s.funcs[prog.lit]; ok && !prog.dynamic {
		if depth < maxFnDepth && st.calls[prog.lit] < 2 {
			st.calls[prog.lit]++
			c.commands(at, st, span.start, span.end, prog.lit, depth+1)
		}
		c.globArgs(at, args[1:], "runs")
		return
	}
	switch {
	case name == "." || name == "source":
		if len(args) > 1 {
			c.sourced(at, args[1])
		}
	case name == "set" && len(args) > 1 && args[1].lit == "--":
		st.args = lits(args[2:])
	case name == "run-parts" || name == "find":
		c.dirArgs(at, args[1:])
	case name == "for":
		c.globArgs(at, args[1:], "runs")
	case isShell(name) && !prog.dynamic:
		c.shell(at, args, execVerb(inv.exec, "runs"), inv.exec)
	case inv.exec:
		c.exec(at, args, substitute(dropExec(cmd.words), st.args))
	case !prog.dynamic && strings.Contains(prog.lit, "/"):
		c.runScriptOnly(at, prog.lit, args[1:])
	}
}

// exec records the main process, following it when it is a script.
func (c *chain) exec(at site, args, shown []token) {
	if !args[0].dynamic {
		if f, _, ok := c.lk.find(args[0].lit); ok {
			if data, ok := c.lk.read(f); ok && interpreter(data) == "shell" {
				c.runFile(at, args[0].lit, args[1:], "exec", true)
				return
			}
		}
	}
	c.addStep("exec", join(shown))
	c.done = true
}

// dropExec removes the exec builtin, and the assignments before it, from
// the words shown for the main process.
func dropExec(words []token) []token {
	for i, w := range words {
		if w.lit == "exec" {
			return words[i+1:]
		}
		if !isAssignment(w.lit) {
			break
		}
	}
	return words
}

// runScriptOnly follows a script run by path as a child; a program that is
// not a collected shell script is not part of the chain.
func (c *chain) runScriptOnly(at site, name string, args []token) {
	f, _, ok := c.lk.find(name)
	if !ok {
		c.miss = append(c.miss, missing{at: at, verb: "runs", name: name})
		return
	}
	if data, ok := c.lk.read(f); ok && interpreter(data) != "shell" {
		return
	} else if !ok && !looksLikeScript(name) {
		return
	}
	c.runFile(at, name, args, "runs", false)
}

// sourced follows `. FILE`.
func (c *chain) sourced(at site, arg token) {
	if arg.glob && !arg.dynamic {
		c.globArgs(at, []token{arg}, "sources")
		return
	}
	if arg.dynamic {
		return
	}
	c.runFile(at, arg.lit, nil, "sources", false)
}

// dirArgs follows the scripts of a directory that run-parts or find walks.
func (c *chain) dirArgs(at site, args []token) {
	for _, a := range args {
		if a.dynamic || strings.HasPrefix(a.lit, "-") || !strings.HasPrefix(a.lit, "/") {
			continue
		}
		c.children(at, a.lit, "", "runs")
		return
	}
}

// globArgs follows the scripts matched by literal globs such as
// /docker-entrypoint.d/*.sh.
func (c *chain) globArgs(at site, args []token, verb string) {
	for _, a := range args {
		if !a.glob || a.dynamic || !strings.HasPrefix(a.lit, "/") {
			continue
		}
		dir, pattern := path.Split(a.lit)
		if strings.ContainsAny(dir, "*?[") {
			continue
		}
		c.children(at, dir, pattern, verb)
	}
}

func (c *chain) children(at site, dir, pattern, verb string) {
	key := "dir:" + dir + pattern
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	for _, p := range c.lk.children(dir, pattern, maxChildren) {
		if c.done {
			return
		}
		if !looksLikeScript(p) {
			if f, _, ok := c.lk.find(p); !ok || !f.Executable() {
				continue
			}
		}
		v := verb
		if strings.HasSuffix(p, ".envsh") {
			v = "sources"
		}
		c.runFile(at, p, nil, v, false)
	}
}

func (c *chain) addStep(verb, target string) {
	c.steps = append(c.steps, step{verb: verb, target: target})
}

// interpreter names what runs a file: "shell", another interpreter's
// name, "ELF program" or "program".
func interpreter(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x7fELF")) {
		return "ELF program"
	}
	if !bytes.HasPrefix(data, []byte("#!")) {
		return "program"
	}
	line, _, _ := bytes.Cut(data[2:], []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) == 0 {
		return "program"
	}
	interp := path.Base(f[0])
	if interp == "env" {
		for _, a := range f[1:] {
			if !strings.HasPrefix(a, "-") && !isAssignment(a) {
				interp = path.Base(a)
				break
			}
		}
	}
	if interp == "busybox" && len(f) > 1 {
		interp = f[1]
	}
	if isShell(interp) {
		return "shell"
	}
	return interp
}

func kindNote(kind string) string {
	switch kind {
	case "program", "ELF program":
		return ""
	}
	return fmt.Sprintf(" (%s script)", kind)
}

func looksLikeScript(p string) bool {
	return strings.HasSuffix(p, ".sh") || strings.HasSuffix(p, ".envsh") || strings.HasSuffix(p, ".bash")
}

func verbOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func execVerb(exec bool, def string) string {
	if exec {
		return "exec"
	}
	return def
}
