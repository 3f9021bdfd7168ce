package osv

import "strings"

// PackageKey is the form in which package names of one ecosystem are
// compared, stored and looked up:
// PyPI names are compared after PEP 503 normalisation (lower case, runs of
// "-", "_" and "." as one "-"), because pip treats "Foo_Bar" and "foo-bar"
// as the same project; every other ecosystem compares names exactly.
func PackageKey(ecosystem, name string) string {
	if BaseEcosystem(ecosystem) != "PyPI" {
		return name
	}
	var b strings.Builder
	b.Grow(len(name))
	sep := false
	for _, r := range strings.ToLower(name) {
		if r == '-' || r == '_' || r == '.' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	if sep && b.Len() > 0 {
		b.WriteByte('-')
	}
	return b.String()
}
