package java

import (
	"strings"
)

// parseProperties reads a Java properties file, as Maven writes
// pom.properties: "key=value" lines (or "key: value", "key value"),
// comments starting with # or !, a backslash at the end of a line
// continuing it. Escapes other than continuations are kept as written,
// which is enough for the coordinates Maven writes.
func parseProperties(data []byte) map[string]string {
	props := map[string]string{}
	lines := strings.FieldsFunc(string(data), func(r rune) bool { return r == '\n' || r == '\r' })
	for i := 0; i < len(lines); i++ {
		line := strings.TrimLeft(lines[i], " \t\f")
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		for strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`) && i+1 < len(lines) {
			i++
			line = line[:len(line)-1] + strings.TrimLeft(lines[i], " \t\f")
		}
		key, value := splitProperty(line)
		props[key] = value
	}
	return props
}

// splitProperty cuts a property line at the first unescaped '=', ':' or
// blank.
func splitProperty(line string) (key, value string) {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '=', ':', ' ', '\t', '\f':
			value = strings.TrimLeft(line[i+1:], " \t\f")
			if line[i] == ' ' || line[i] == '\t' || line[i] == '\f' {
				if v, ok := strings.CutPrefix(value, "="); ok {
					value = v
				} else if v, ok := strings.CutPrefix(value, ":"); ok {
					value = v
				}
				value = strings.TrimLeft(value, " \t\f")
			}
			return line[:i], strings.TrimRight(value, " \t\f")
		}
	}
	return line, ""
}
