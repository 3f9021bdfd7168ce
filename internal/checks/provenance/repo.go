package provenance

import "strings"

// sameRepository reports whether two spellings of a repository address name
// the same one: scheme, git+ prefix, .git suffix, credentials, fragment, case
// and the scp-like git@host:path form are ignored.
func sameRepository(a, b string) bool {
	return normaliseRepository(a) == normaliseRepository(b)
}

func normaliseRepository(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s, _, _ = strings.Cut(s, "#")
	s, _, _ = strings.Cut(s, "?")
	s = strings.TrimPrefix(s, "git+")
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if rest, ok := strings.CutPrefix(s, "git@"); ok {
		s = strings.Replace(rest, ":", "/", 1)
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 && i < strings.IndexByte(s+"/", '/') {
		s = s[i+1:]
	}
	s = strings.TrimRight(s, "/")
	s = strings.TrimSuffix(s, ".git")
	return strings.TrimRight(s, "/")
}

// sameRevision reports whether two commit names agree, allowing one to be
// an abbreviation (at least 7 hex digits) of the other.
func sameRevision(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || (len(a) >= 7 && strings.HasPrefix(b, a))
}
