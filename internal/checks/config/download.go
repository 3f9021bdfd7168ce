package config

import (
	"path"
	"strings"
)

// downloaders are the programs that fetch from the network, with the
// options of theirs that take a value.
var downloaders = map[string]syntax{
	"curl": {short: "AbcCdDeEFHKmoPQrTtuUwxXyYz", long: longSet(
		"--output", "--header", "--user", "--data", "--data-raw", "--data-binary", "--data-urlencode",
		"--request", "--url", "--config", "--cookie", "--cookie-jar", "--user-agent", "--referer",
		"--max-time", "--connect-timeout", "--retry", "--retry-delay", "--retry-max-time", "--proxy",
		"--proxy-user", "--cacert", "--capath", "--cert", "--key", "--form", "--write-out", "--range",
		"--upload-file", "--continue-at", "--dump-header", "--limit-rate", "--resolve", "--interface",
		"--max-filesize", "--proto", "--proto-redir", "--output-dir", "--ciphers", "--oauth2-bearer")},
	"wget": {short: "OoaiPtTweUBQDARlIX", long: longSet(
		"--output-document", "--output-file", "--append-output", "--input-file", "--directory-prefix",
		"--tries", "--timeout", "--wait", "--execute", "--user-agent", "--header", "--user", "--password",
		"--http-user", "--http-password", "--post-data", "--post-file", "--referer", "--ca-certificate",
		"--certificate", "--private-key", "--limit-rate", "--quota", "--base", "--domains", "--accept",
		"--reject", "--level", "--ftp-user", "--ftp-password", "--proxy-user", "--proxy-password",
		"--body-data", "--method")},
	"fetch":  {short: "oBNST", long: longSet("--output")},
	"aria2c": {short: "odsx", long: longSet("--out", "--dir", "--split", "--max-connection-per-server")},
}

// fetchCmd is a parsed command of a downloader.
type fetchCmd struct {
	name string
	cmdline
}

// asDownload parses prog when it runs a downloader.
func asDownload(prog []string) (fetchCmd, bool) {
	if len(prog) == 0 {
		return fetchCmd{}, false
	}
	name := base(prog[0])
	sx, ok := downloaders[name]
	if !ok {
		return fetchCmd{}, false
	}
	return fetchCmd{name: name, cmdline: parseArgs(prog[1:], sx)}, true
}

// toStdout reports whether the download is written to standard output,
// where a pipe can hand it to a shell.
func (d fetchCmd) toStdout() bool {
	switch d.name {
	case "curl":
		if v, ok := d.value("-o", "--output"); ok {
			return v == "-"
		}
		return !d.has("-O", "--remote-name", "--remote-name-all")
	case "wget":
		v, _ := d.value("-O", "--output-document")
		return v == "-"
	case "fetch":
		v, _ := d.value("-o", "--output")
		return v == "-"
	}
	return false
}

// outputOptions are the options naming the file a downloader writes.
var outputOptions = map[string][]string{
	"curl": {"-o", "--output"}, "wget": {"-O", "--output-document"},
	"fetch": {"-o", "--output"}, "aria2c": {"-o", "--out"},
}

// savedAs returns the names of the files the download writes: the output
// option, or the last element of each URL.
func (d fetchCmd) savedAs() []string {
	if d.toStdout() {
		return nil
	}
	if v, ok := d.value(outputOptions[d.name]...); ok && v != "" {
		return []string{path.Base(v)}
	}
	var out []string
	for _, u := range d.urls() {
		if b := urlBase(u); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// urls returns the URLs the command fetches.
func (d fetchCmd) urls() []string {
	var out []string
	if v, ok := d.value("--url"); ok {
		out = append(out, v)
	}
	for _, o := range d.operands {
		if strings.Contains(o, "://") {
			out = append(out, o)
		}
	}
	return out
}

// urlBase is the file name a URL is saved under by default.
func urlBase(u string) string {
	if _, rest, ok := strings.Cut(u, "://"); ok {
		u = rest
	}
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	if !strings.Contains(u, "/") || strings.HasSuffix(u, "/") {
		return ""
	}
	return path.Base(u)
}

// readsScript reports whether an interpreter command takes its script from
// standard input: no script operand, or "-" or /dev/stdin, or sh -s. A
// script given with -c, -e or -m, or as a file, is not read from input.
func readsScript(prog []string) bool {
	if len(prog) == 0 || !isInterpreter(base(prog[0])) {
		return false
	}
	shell := isShell(base(prog[0]))
	for i := 1; i < len(prog); i++ {
		a := prog[i]
		switch {
		case a == "-" || a == "/dev/stdin" || a == "/proc/self/fd/0":
			return true
		case a == "--":
			return i+1 >= len(prog) || prog[i+1] == "-" || shell && prog[i+1] == "/dev/stdin"
		case strings.HasPrefix(a, "--"):
			if a == "--rcfile" || a == "--init-file" {
				i++
			}
			if a == "--eval" || a == "--command" || a == "--print" {
				return false
			}
		case strings.HasPrefix(a, "-") || (shell && strings.HasPrefix(a, "+")):
			flags := a[1:]
			if shell {
				if strings.ContainsRune(flags, 'c') {
					return false
				}
				if strings.ContainsRune(flags, 's') {
					return true
				}
				if flags == "o" || flags == "O" {
					i++
				}
				continue
			}
			if strings.ContainsAny(flags, "cemp") {
				return false
			}
			if flags == "W" || flags == "X" {
				i++
			}
		default:
			return false
		}
	}
	return true
}

// scriptFile returns the script file an interpreter command runs, if it
// runs one: "sh install.sh", "python3 get-pip.py", ". ./env.sh".
func scriptFile(prog []string) (string, bool) {
	if len(prog) == 0 {
		return "", false
	}
	name := base(prog[0])
	if (name == "." || name == "source") && len(prog) > 1 {
		return prog[1], true
	}
	if !isInterpreter(name) || !readsFile(prog) {
		return "", false
	}
	for _, a := range prog[1:] {
		if !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "+") {
			return a, true
		}
	}
	return "", false
}

// readsFile reports whether an interpreter command runs a script file
// operand rather than -c text or its input.
func readsFile(prog []string) bool {
	for _, a := range prog[1:] {
		if a == "--" {
			continue
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			if strings.ContainsAny(a[1:], "cem") && !strings.HasPrefix(a, "--") {
				return false
			}
			continue
		}
		return a != "-"
	}
	return false
}
