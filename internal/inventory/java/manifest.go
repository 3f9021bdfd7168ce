package java

import (
	"strings"
)

// parseManifest reads the main section of a JAR manifest: "Name: value"
// lines up to the first blank line, a line starting with one space
// continuing the one before. Later sections describe single entries and
// are not read.
func parseManifest(data []byte) map[string]string {
	attrs := map[string]string{}
	text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	var key string
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			break
		}
		if rest, ok := strings.CutPrefix(line, " "); ok {
			if key != "" {
				attrs[key] += rest
			}
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			key = ""
			continue
		}
		key = strings.TrimSpace(k)
		attrs[key] = strings.TrimPrefix(v, " ")
	}
	for k, v := range attrs {
		attrs[k] = strings.TrimSpace(v)
	}
	return attrs
}
