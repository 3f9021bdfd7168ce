package npm

import (
	"bytes"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// parseYarnLock returns the packages a yarn.lock pins: the classic
// (version 1) format, where an entry is
//
//	"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
//	  version "7.10.4"
//
// and the YAML format of later Yarn releases ("express@npm:4.17.1":
// version: 4.17.1). Workspaces and links are the application itself and
// are not listed.
func parseYarnLock(data []byte) ([]facts.Package, error) {
	var (
		out  []facts.Package
		name string // the entry being read, "" when none or skipped
	)
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		line = bytes.TrimRight(line, "\r")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			name = yarnEntry(string(line))
			continue
		}
		// An entry's own fields are indented two spaces; its dependencies,
		// which may include one named "version", four.
		field, ok := bytes.CutPrefix(line, []byte("  "))
		if name == "" || !ok || len(field) == 0 || field[0] == ' ' {
			continue
		}
		v, ok := bytes.CutPrefix(field, []byte("version"))
		if !ok || len(v) == 0 || (v[0] != ' ' && v[0] != ':') {
			continue
		}
		v = bytes.TrimSpace(bytes.TrimPrefix(v, []byte(":")))
		if version := unquote(string(v)); version != "" {
			out = append(out, facts.Package{Type: "npm", Name: name, Version: version})
		}
		name = ""
	}
	return out, nil
}

// yarnEntry returns the package name an entry's key line names, from its
// first descriptor, or "" for metadata, workspaces and links.
func yarnEntry(key string) string {
	key, ok := strings.CutSuffix(strings.TrimSpace(key), ":")
	if !ok {
		return ""
	}
	first, _, _ := strings.Cut(key, ",")
	spec := strings.Trim(strings.TrimSpace(first), `"`)
	at := strings.IndexByte(spec[min(1, len(spec)):], '@') + 1
	if at <= 0 {
		return ""
	}
	name, rng := spec[:at], spec[at+1:]
	for _, p := range []string{"workspace:", "link:", "portal:", "file:", "exec:"} {
		if strings.HasPrefix(rng, p) {
			return ""
		}
	}
	if real, ok := strings.CutPrefix(rng, "npm:"); ok {
		if i := strings.LastIndexByte(real, '@'); i > 0 {
			name = real[:i]
		}
	}
	return name
}

// unquote strips the double quotes around a yarn.lock string.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}
