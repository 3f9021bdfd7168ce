package secret

import "strings"

// placeholderWords mark values that stand for a secret instead of being one.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "changeit", "your_", "your-", "yourpass", "example", "xxxx",
	"placeholder", "dummy", "redacted", "replace", "todo", "fixme", "<", "${", "{{", "%(", "*****",
}

// isPlaceholder reports whether a configured value is a template, a
// reference to another variable or an obvious stand-in.
func isPlaceholder(v string) bool {
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	if len(v) < 4 || strings.HasPrefix(v, "$") || strings.HasPrefix(v, "%") {
		return true
	}
	lv := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(lv, w) {
			return true
		}
	}
	switch lv {
	case "password", "secret", "token", "none", "null", "true", "false", "test", "admin", "root":
		return true
	}
	return strings.Count(lv, lv[:1]) == len(lv)
}
