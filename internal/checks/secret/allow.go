package secret

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// allowlist drops matches that are known not to be secrets, the way gitleaks
// does: by file path, by an expression on the secret (or the whole match, or
// its line), or by a stop word inside the secret.
type allowlist struct {
	and       bool
	target    string
	paths     []*regexp.Regexp
	regexes   []*regexp.Regexp
	stopwords [][]byte
}

func compileAllowlist(a ruleAllowlist) (*allowlist, error) {
	al := &allowlist{and: strings.EqualFold(a.Condition, "AND"), target: a.RegexTarget}
	switch al.target {
	case "", "secret", "match", "line":
	default:
		return nil, fmt.Errorf("unknown regex target %q", a.RegexTarget)
	}
	for _, p := range a.Paths {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", p, err)
		}
		al.paths = append(al.paths, re)
	}
	for _, p := range a.Regexes {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("regex %q: %w", p, err)
		}
		al.regexes = append(al.regexes, re)
	}
	for _, w := range a.Stopwords {
		if w != "" {
			al.stopwords = append(al.stopwords, []byte(strings.ToLower(w)))
		}
	}
	return al, nil
}

// allowsPath reports whether the list's paths alone allow a whole file; an
// AND list with other criteria never allows a file by path alone.
func (a *allowlist) allowsPath(path string) bool {
	if a.and && (len(a.regexes) > 0 || len(a.stopwords) > 0) {
		return false
	}
	return matchAny(a.paths, path)
}

// allows reports whether the list allows a match. secret, match and line
// are the secret, the whole match and the line holding it.
func (a *allowlist) allows(path string, secret, match, line []byte) bool {
	target := secret
	switch a.target {
	case "match":
		target = match
	case "line":
		target = line
	}
	var checks []bool
	if len(a.paths) > 0 {
		checks = append(checks, matchAny(a.paths, path))
	}
	if len(a.regexes) > 0 {
		checks = append(checks, matchAnyBytes(a.regexes, target))
	}
	if len(a.stopwords) > 0 {
		checks = append(checks, hasStopword(a.stopwords, secret))
	}
	if len(checks) == 0 {
		return false
	}
	for _, ok := range checks {
		if ok && !a.and {
			return true
		}
		if !ok && a.and {
			return false
		}
	}
	return a.and
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func matchAnyBytes(res []*regexp.Regexp, b []byte) bool {
	for _, re := range res {
		if re.Match(b) {
			return true
		}
	}
	return false
}

// hasStopword reports whether the lower-cased secret contains a stop word.
// Secrets are short (at most a few hundred bytes), so lower-casing a copy
// on the stack of the caller is cheap.
func hasStopword(words [][]byte, secret []byte) bool {
	lower := bytes.ToLower(secret)
	for _, w := range words {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}
