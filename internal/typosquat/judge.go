package typosquat

import "strings"

// candidate is a possible imitation of one target.
type candidate struct {
	target string
	tech   Technique
	words  []string
}

// rank orders techniques from the most telling to the least.
func rank(t Technique) int {
	switch t {
	case Homoglyph:
		return 0
	case Separators:
		return 1
	case Transposition, DoubledLetter, DroppedLetter, ExtraLetter:
		return 2
	case ChangedLetters:
		return 3
	}
	return 4
}

// closest returns the best spelling imitation of any of targets by s;
// namespace selects the stricter comparison of namespaces.
func closest(s string, targets []form, namespace bool) (candidate, bool) {
	var best candidate
	found := false
	in := newForm(s)
	for _, f := range targets {
		k := f.name
		t, ok := spelling(in, f)
		if !ok || !plausible(t, s, k, namespace) {
			continue
		}
		if !found || rank(t) < rank(best.tech) || rank(t) == rank(best.tech) && k < best.target {
			best, found = candidate{target: k, tech: t}, true
		}
	}
	return best, found
}

// namespace judges a namespace that is not a well-known one.
func (d *Detector) namespace(r Ref) *Hit {
	ns := r.Namespace
	hit := func(target string, t Technique, words []string, strong bool) *Hit {
		return &Hit{Part: PartNamespace, Name: ns, Imitates: r.Host + "/" + target, Technique: t, Words: words, Strong: strong}
	}
	if c, ok := closest(ns, d.nsForms, true); ok {
		return hit(c.target, c.tech, nil, true)
	}
	core, words, _ := affixes(ns)
	if claims(core) {
		return hit("library", Claim, nil, false)
	}
	if core != ns && d.namespaces[core] {
		return hit(core, Affix, words, false)
	}
	return nil
}

// claims reports whether a namespace, once stripped of added words, is only
// a claim to be official ("official", "dockerofficial", "the-library").
func claims(core string) bool {
	if core == "docker" {
		return true
	}
	for _, w := range officialWords {
		if core == w && w != "the" && w != "real" {
			return true
		}
	}
	return false
}

// name judges the last path component of a repository that is not under a
// well-known publisher's namespace.
func (d *Detector) name(r Ref) *Hit {
	n := r.Name
	library := r.Hub && r.Namespace == "library"
	if d.official[n] || !library && d.repoNames[n] != "" {
		return nil
	}
	targets := d.officialForms
	if !library {
		targets = d.nameForms
	}
	qualify := func(k string) string {
		if d.official[k] {
			return "docker.io/library/" + k
		}
		return "docker.io/" + d.repoNames[k]
	}
	// An added word is judged first: "nginx2" is nginx with a number, not a
	// misspelling of it.
	if core, words, official := affixes(n); core != n && len(core) >= 3 {
		for _, f := range targets {
			k := f.name
			if core != k && stripSeparators(core) != f.bare {
				continue
			}
			if !library && !official {
				// Under another namespace, "nginx-docker" is how people
				// name their own build of nginx.
				return nil
			}
			return &Hit{Part: PartName, Name: n, Imitates: qualify(k), Technique: Affix, Words: words}
		}
	}
	if c, ok := closest(n, targets, false); ok {
		return &Hit{Part: PartName, Name: n, Imitates: qualify(c.target), Technique: c.tech, Strong: library}
	}
	return nil
}

// registry judges a host. It returns the hit, if any, and whether every
// name on the host belongs to the host's operator.
func (d *Detector) registry(host string) (*Hit, bool) {
	if r, ok := d.hosts[host]; ok {
		return nil, r.Single
	}
	if h := d.idnHost(host); h != nil {
		return h, false
	}
	if !strings.Contains(host, ".") || ipLike(host) {
		return nil, false
	}
	dom := registrable(host)
	if d.domains[dom] {
		r, ok := d.hosts[dom]
		return nil, !ok || r.Single
	}
	hit := func(target string, t Technique, words []string, strong bool) *Hit {
		return &Hit{Part: PartRegistry, Name: host, Imitates: target, Technique: t, Words: words, Strong: strong}
	}
	if c, ok := closest(host, d.hostForms, false); ok {
		return hit(c.target, c.tech, nil, true), false
	}
	if c, ok := closest(dom, d.hostForms, false); ok {
		return hit(c.target, c.tech, nil, true), false
	}
	label, _, _ := strings.Cut(dom, ".")
	core := label
	var words []string
	for _, w := range []string{"registry", "official", "images", "image", "hub", "cr", "io"} {
		if rest, ok := cutWord(core, w); ok {
			core, words = rest, append(words, w)
		}
	}
	if target, ok := d.brands[core]; ok && core != label {
		return hit(target, Affix, words, false), false
	}
	return nil, false
}

// registrable returns the last two labels of a host: the domain its owner
// registered (public suffixes of two labels are rare among registries).
func registrable(host string) string {
	labels := strings.Split(host, ".")
	if len(labels) <= 2 {
		return host
	}
	return strings.Join(labels[len(labels)-2:], ".")
}

// ipLike reports whether host is an IPv4 address or a bracketed IPv6 one.
func ipLike(host string) bool {
	if strings.HasPrefix(host, "[") {
		return true
	}
	return strings.Trim(host, "0123456789.") == ""
}
