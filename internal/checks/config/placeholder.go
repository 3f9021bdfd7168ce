package config

import "strings"

// placeholderWords are values that stand in for a secret to be given at run
// time, or that are switches rather than secrets. Weak defaults such as
// "changeme" are counted here too: they are not a leaked credential, and a
// deployment that keeps them has a problem the image cannot show.
var placeholderWords = map[string]bool{
	"changeme": true, "change_me": true, "change-me": true, "changeit": true,
	"placeholder": true, "dummy": true, "example": true, "sample": true, "test": true,
	"none": true, "null": true, "nil": true, "undefined": true, "empty": true, "unset": true,
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"enabled": true, "disabled": true, "0": true, "1": true, "-": true,
	"todo": true, "tbd": true, "secret": true, "password": true, "pass": true, "passwd": true,
	"token": true, "redacted": true, "[redacted]": true, "default": true, "required": true,
}

// isPlaceholder reports whether a value is a reference to a secret kept
// elsewhere ($VAR, ${VAR}, a file path such as /run/secrets/db), a template
// (<token>, {{ .Token }}, %TOKEN%), a masked value (****, xxxx), or one of
// placeholderWords.
func isPlaceholder(v string) bool {
	v = strings.TrimSpace(strings.Trim(v, `"'`))
	if v == "" {
		return true
	}
	if placeholderWords[strings.ToLower(v)] {
		return true
	}
	switch {
	case strings.HasPrefix(v, "$") || strings.Contains(v, "${") || strings.Contains(v, "$("):
		return true
	case strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "~/") || strings.HasPrefix(v, "file:"):
		return true
	case enclosed(v, "<", ">") || enclosed(v, "{{", "}}") || enclosed(v, "%", "%") || enclosed(v, "[", "]"):
		return true
	case strings.HasPrefix(strings.ToLower(v), "your") || strings.HasPrefix(strings.ToLower(v), "my-") || strings.HasPrefix(strings.ToLower(v), "my_"):
		return true
	}
	return sameRune(v)
}

func enclosed(v, open, close string) bool {
	return len(v) > len(open)+len(close) && strings.HasPrefix(v, open) && strings.HasSuffix(v, close)
}

// sameRune reports whether v repeats one character (xxxx, ****, 0000).
func sameRune(v string) bool {
	for i := 1; i < len(v); i++ {
		if v[i] != v[0] {
			return false
		}
	}
	return len(v) > 1
}
