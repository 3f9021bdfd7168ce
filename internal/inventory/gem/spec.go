package gem

import (
	"bytes"
	"errors"
	"strings"
)

// maxLicenses bounds the licences kept for one gem.
const maxLicenses = 16

// spec is what customs keeps of a gemspec.
type spec struct {
	name, version string
	licenses      []string
}

// parseSpec reads a specification as RubyGems writes it on install
// (Gem::Specification#to_ruby): Ruby, but of a fixed shape, one
// assignment a line, values as string literals:
//
//	Gem::Specification.new do |s|
//	  s.name = "rack".freeze
//	  s.version = "2.2.3"
//	  s.licenses = ["MIT".freeze]
//
// Older RubyGems wrote %q{rack}. Nothing is evaluated: a value that is not
// a literal is not read. When an assignment is missing, the "# stub: name
// version" comment RubyGems puts at the top supplies the value.
func parseSpec(data []byte) (spec, error) {
	var (
		s                 spec
		v                 = "s" // the block variable
		stub, stubVersion string
	)
	for len(data) > 0 {
		var raw []byte
		raw, data, _ = bytes.Cut(data, []byte("\n"))
		line := strings.TrimSpace(string(raw))
		if rest, ok := strings.CutPrefix(line, "# stub:"); ok && stub == "" {
			if f := strings.Fields(rest); len(f) >= 2 {
				stub, stubVersion = f[0], f[1]
			}
			continue
		}
		if strings.HasPrefix(line, "Gem::Specification.new") {
			if _, after, ok := strings.Cut(line, "|"); ok {
				if name, _, ok := strings.Cut(after, "|"); ok && strings.TrimSpace(name) != "" {
					v = strings.TrimSpace(name)
				}
			}
			continue
		}
		field, rhs, ok := assignment(line, v)
		if !ok {
			continue
		}
		switch field {
		case "name":
			if l := literals(rhs, 1); len(l) == 1 && s.name == "" {
				s.name = l[0]
			}
		case "version":
			if l := literals(rhs, 1); len(l) == 1 && s.version == "" {
				s.version = l[0]
			}
		case "license", "licenses":
			for _, l := range literals(rhs, maxLicenses-len(s.licenses)) {
				if l != "" {
					s.licenses = append(s.licenses, l)
				}
			}
		}
	}
	if s.name == "" {
		s.name = stub
	}
	if s.version == "" {
		s.version = stubVersion
	}
	if s.name == "" || s.version == "" {
		return spec{}, errors.New("no name or version")
	}
	return s, nil
}

// assignment splits `v.field = rhs`.
func assignment(line, v string) (field, rhs string, ok bool) {
	rest, ok := strings.CutPrefix(line, v+".")
	if !ok {
		return "", "", false
	}
	i := strings.IndexFunc(rest, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if i <= 0 {
		return "", "", false
	}
	field, rest = rest[:i], strings.TrimLeft(rest[i:], " \t")
	rhs, ok = strings.CutPrefix(rest, "=")
	if !ok || strings.HasPrefix(rhs, "=") || strings.HasPrefix(rhs, "~") {
		return "", "", false
	}
	return field, rhs, true
}
