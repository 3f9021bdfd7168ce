package config

import (
	"fmt"
	"path"
	"strings"
)

// runHit is one way a script runs what it downloaded, with the redacted
// command text.
type runHit struct {
	what, text string
}

// downloadRuns finds where a script runs downloaded code: a download piped
// into an interpreter, a download substituted as an interpreter's script,
// or a downloaded file run in the same script when nothing in it verifies a
// checksum or signature.
func downloadRuns(sc script) []runHit {
	var out []runHit
	verified := verifies(sc)
	saved := map[string]string{}
	sc.eachCommand(func(c command, p pipeline, pos int) {
		if pos == 0 {
			if h, ok := pipedDownload(p); ok {
				out = append(out, h)
			}
		}
		prog := program(c.args())
		if h, ok := substitutedDownload(c, prog); ok {
			out = append(out, h)
		}
		if d, ok := asDownload(prog); ok {
			for _, f := range d.savedAs() {
				saved[f] = d.name
			}
			return
		}
		if f, ok := runsFile(prog); ok && !verified {
			if dl, ok := saved[path.Base(f)]; ok {
				out = append(out, runHit{
					what: fmt.Sprintf("downloads %s with %s and runs it without checking a checksum or signature", path.Base(f), dl),
					text: commandText(c),
				})
			}
		}
	})
	return out
}

// pipedDownload finds a download written to standard output and piped into
// an interpreter that reads its script from there. It looks at each
// command once, whatever the length of the pipeline.
func pipedDownload(p pipeline) (runHit, bool) {
	readers := make([]string, len(p.commands)+1)
	for j := len(p.commands) - 1; j >= 0; j-- {
		readers[j] = readers[j+1]
		if prog := program(p.commands[j].args()); readsScript(prog) {
			readers[j] = base(prog[0])
		}
	}
	for i, c := range p.commands {
		if readers[i+1] == "" {
			break
		}
		if dl, ok := producer(c); ok {
			return runHit{what: fmt.Sprintf("pipes a download (%s) into %s", dl, readers[i+1]), text: pipelineText(p)}, true
		}
	}
	return runHit{}, false
}

// producer reports whether c writes downloaded bytes to its output: a
// downloader writing to standard output, or echo/printf/cat of a
// substituted download.
func producer(c command) (string, bool) {
	prog := program(c.args())
	if d, ok := asDownload(prog); ok {
		return d.name, d.toStdout()
	}
	if len(prog) == 0 || (base(prog[0]) != "echo" && base(prog[0]) != "printf" && base(prog[0]) != "cat") {
		return "", false
	}
	for _, w := range c.words {
		if dl, ok := downloadIn(w.subs); ok {
			return dl, true
		}
	}
	for _, r := range c.redirects {
		if dl, ok := downloadIn(r.target.subs); ok && r.op == "<" {
			return dl, true
		}
	}
	return "", false
}

// downloadIn finds a download to standard output among substitutions.
func downloadIn(subs []script) (string, bool) {
	name, found := "", false
	for _, sub := range subs {
		sub.eachCommand(func(c command, _ pipeline, _ int) {
			if d, ok := asDownload(program(c.args())); ok && d.toStdout() && !found {
				name, found = d.name, true
			}
		})
	}
	return name, found
}

// substitutedDownload finds an interpreter whose script is a substituted
// download: sh -c "$(curl ...)", bash <(curl ...), eval "$(curl ...)",
// source <(curl ...), sh < <(curl ...).
func substitutedDownload(c command, prog []string) (runHit, bool) {
	if len(prog) == 0 {
		return runHit{}, false
	}
	name := base(prog[0])
	off := len(c.words) - len(prog)
	var script []word
	switch {
	case name == "eval":
		script = c.words[off+1:]
	case name == "source" || name == ".":
		if len(prog) > 1 {
			script = c.words[off+1 : off+2]
		}
	case isInterpreter(name):
		if i := scriptArg(prog); i > 0 {
			script = c.words[off+i : off+i+1]
		}
		if readsScript(prog) {
			for _, r := range c.redirects {
				if r.op == "<" {
					script = append(script, r.target)
				}
			}
		}
	}
	for _, w := range script {
		if dl, ok := downloadIn(w.subs); ok {
			return runHit{what: fmt.Sprintf("runs a download (%s) with %s", dl, name), text: commandText(c)}, true
		}
	}
	return runHit{}, false
}

// scriptArg returns the index in prog of the word an interpreter takes its
// script from: the value of -c (-e for languages), or the first operand.
func scriptArg(prog []string) int {
	shell := isShell(base(prog[0]))
	for i := 1; i < len(prog); i++ {
		a := prog[i]
		if strings.HasPrefix(a, "-") && len(a) > 1 && !strings.HasPrefix(a, "--") {
			if (shell && strings.ContainsRune(a, 'c')) || (!shell && strings.ContainsAny(a[1:], "ce")) {
				if i+1 < len(prog) {
					return i + 1
				}
				return 0
			}
			continue
		}
		if !strings.HasPrefix(a, "-") {
			return i
		}
	}
	return 0
}

// runsFile returns the file a command executes: its program when given as
// a path, or the script an interpreter or "." runs.
func runsFile(prog []string) (string, bool) {
	if len(prog) == 0 {
		return "", false
	}
	if strings.Contains(prog[0], "/") {
		return prog[0], true
	}
	return scriptFile(prog)
}

// checksumTools verify what was downloaded.
var checksumTools = map[string]bool{
	"sha1sum": true, "sha224sum": true, "sha256sum": true, "sha384sum": true, "sha512sum": true,
	"shasum": true, "md5sum": true, "b2sum": true, "cksum": true, "rhash": true,
	"gpgv": true, "minisign": true, "signify": true,
}

// verifies reports whether a script checks a checksum or signature.
func verifies(sc script) bool {
	ok := false
	sc.eachCommand(func(c command, _ pipeline, _ int) {
		prog := program(c.args())
		if len(prog) == 0 {
			return
		}
		name := base(prog[0])
		switch {
		case checksumTools[name]:
			ok = true
		case name == "gpg" && (containsString(prog, "--verify") || containsString(prog, "--verify-files")):
			ok = true
		case name == "cosign" && len(prog) > 1 && strings.HasPrefix(prog[1], "verify"):
			ok = true
		case name == "openssl" && len(prog) > 1 && (prog[1] == "dgst" || prog[1] == "sha256"):
			ok = true
		}
	})
	return ok
}

// commandText is a command as shell text, redacted, for evidence.
func commandText(c command) string {
	return safeText(shellJoin(c.args()))
}

// pipelineText is a pipeline as shell text, redacted, for evidence.
func pipelineText(p pipeline) string {
	parts := make([]string, len(p.commands))
	for i, c := range p.commands {
		parts[i] = commandText(c)
	}
	return strings.Join(parts, " | ")
}
