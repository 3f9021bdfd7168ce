package version

import "strings"

// mavenToken is one item of a Maven version: a number or a qualifier, with
// the separator before it ('.' or '-'; a switch between digits and letters
// counts as '-').
type mavenToken struct {
	sep    byte
	number bool
	value  string // lower case; numbers without leading zeros
	null   bool   // padding added to match a longer version
}

// mavenQualifiers are the known qualifiers in ascending order; "" stands for
// a release ("ga", "final", "release"), and unknown qualifiers sort after
// all of these, alphabetically.
var mavenQualifiers = []string{"alpha", "beta", "milestone", "rc", "snapshot", "", "sp"}

// compareMaven orders Maven versions following Maven's version order
// specification (the rules of ComparableVersion): tokens split on '.', '-'
// and digit/letter switches, trailing null tokens trimmed before each '-',
// the shorter version padded with nulls.
func compareMaven(a, b string) (int, error) {
	return compareMavenTokens(parseMaven(a), parseMaven(b)), nil
}

// parseMaven cuts s into tokens and trims its null tokens.
func parseMaven(s string) []mavenToken {
	s = strings.ToLower(s)
	var toks []mavenToken
	sep := byte('.')
	for {
		end := strings.IndexAny(s, ".-")
		part := s
		if end >= 0 {
			part = s[:end]
		}
		toks = appendMavenPart(toks, sep, part)
		if end < 0 {
			break
		}
		sep, s = s[end], s[end+1:]
	}
	return trimMaven(toks)
}

// appendMavenPart adds the tokens of one separated part, split where digits
// and other characters meet.
func appendMavenPart(toks []mavenToken, sep byte, part string) []mavenToken {
	if part == "" {
		return append(toks, mavenToken{sep: sep, number: true, value: "0"})
	}
	for part != "" {
		number := isDigit(part[0])
		end := runEnd(part, 0, func(c byte) bool { return isDigit(c) == number })
		value, rest := part[:end], part[end:]
		if number {
			value = strings.TrimLeft(value, "0")
			if value == "" {
				value = "0"
			}
		} else {
			value = mavenAlias(value, rest != "")
		}
		toks = append(toks, mavenToken{sep: sep, number: number, value: value})
		sep, part = '-', rest
	}
	return toks
}

// mavenAlias normalises qualifier spellings; "a", "b" and "m" are short
// for alpha, beta and milestone only when a number follows.
func mavenAlias(q string, beforeNumber bool) string {
	switch q {
	case "ga", "final", "release":
		return ""
	case "cr":
		return "rc"
	}
	if beforeNumber {
		switch q {
		case "a":
			return "alpha"
		case "b":
			return "beta"
		case "m":
			return "milestone"
		}
	}
	return q
}

// trimMaven drops null tokens (0 and release qualifiers) from the end, and
// again from the end of each part before a '-', walking backwards.
func trimMaven(toks []mavenToken) []mavenToken {
	for i := len(toks) - 1; i > 0; {
		if t := toks[i]; t.value == "0" && t.number || t.value == "" && !t.number {
			toks = append(toks[:i], toks[i+1:]...)
			i--
			continue
		}
		for i >= 0 && toks[i].sep != '-' {
			i--
		}
		i--
	}
	return toks
}
