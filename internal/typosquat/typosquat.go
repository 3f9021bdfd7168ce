// Package typosquat decides whether an image reference imitates a
// well-known one: a Docker Official Image, a well-known publisher's
// namespace or repository, or a well-known registry host. It names what is
// imitated and how (a swapped, doubled or dropped letter, lookalike
// characters, changed separators, an added word). A name that is exactly a
// well-known one is never a hit.
package typosquat

import (
	"fmt"
	"strings"
)

// Part is the part of a reference a hit is about.
type Part string

// The parts of a reference.
const (
	PartRegistry  Part = "registry"
	PartNamespace Part = "namespace"
	PartName      Part = "name"
)

// Hit is one imitation found in a reference.
type Hit struct {
	Part Part
	// Name is the part as written ("ngnix").
	Name string
	// Imitates is what it imitates, fully qualified
	// ("docker.io/library/nginx", "docker.io/bitnami", "ghcr.io").
	Imitates  string
	Technique Technique
	// Words are the added words of an Affix hit.
	Words []string
	// Strong is true for a misspelling of a well-known name where only the
	// imitated one can be meant; false for added words, claims, and names
	// that only resemble an official image under another namespace.
	Strong bool
	// Unicode is the decoded form of a punycode host ("dоcker.io" for
	// "xn--dcker-...io"), empty when the name is written as shown.
	Unicode string
}

// String explains the hit.
func (h Hit) String() string {
	name := h.Name
	if h.Unicode != "" {
		name = fmt.Sprintf("%s, shown as %q,", h.Name, h.Unicode)
		return fmt.Sprintf("the %s %s imitates %q (%s)", h.Part, name, h.Imitates, h.Technique)
	}
	return fmt.Sprintf("the %s %s", h.Part, describe(name, h.Imitates, h.Technique, h.Words))
}

// Detector judges references against lists of well-known names.
type Detector struct {
	official   map[string]bool
	namespaces map[string]bool
	repoNames  map[string]string // name → namespace/name
	hosts      map[string]Registry
	domains    map[string]bool
	brands     map[string]string // domain label → domain

	// The names compared with, in the forms the comparisons need:
	// official images; official images and popular repositories' names;
	// publisher namespaces; registry hosts.
	officialForms, nameForms, nsForms, hostForms []form
}

// New returns a detector comparing with the given lists.
func New(l Lists) *Detector {
	d := &Detector{
		official:   map[string]bool{},
		namespaces: map[string]bool{},
		repoNames:  map[string]string{},
		hosts:      map[string]Registry{},
		domains:    map[string]bool{},
		brands:     map[string]string{},
	}
	for _, n := range l.Official {
		if !d.official[n] {
			d.official[n] = true
			d.officialForms = append(d.officialForms, newForm(n))
		}
	}
	d.nameForms = append([]form(nil), d.officialForms...)
	for _, n := range l.Namespaces {
		if !d.namespaces[n] {
			d.namespaces[n] = true
			d.nsForms = append(d.nsForms, newForm(n))
		}
	}
	for _, r := range l.Repositories {
		_, n, _ := strings.Cut(r, "/")
		if _, ok := d.repoNames[n]; !ok {
			d.repoNames[n] = r
			if !d.official[n] {
				d.nameForms = append(d.nameForms, newForm(n))
			}
		}
	}
	for _, r := range l.Registries {
		if _, ok := d.hosts[r.Host]; !ok {
			d.hostForms = append(d.hostForms, newForm(r.Host))
		}
		d.hosts[r.Host] = r
		dom := registrable(r.Host)
		d.domains[dom] = true
		if label, _, _ := strings.Cut(dom, "."); len(label) >= 4 && d.brands[label] == "" {
			d.brands[label] = dom
		}
	}
	return d
}

// Default returns a detector comparing with the lists shipped with customs.
func Default() (*Detector, error) {
	l, err := DefaultLists()
	if err != nil {
		return nil, err
	}
	return New(l), nil
}

// Judge parses ref and returns the imitations found in it, registry first.
func (d *Detector) Judge(ref string) ([]Hit, error) {
	r, err := Parse(ref)
	if err != nil {
		return nil, fmt.Errorf("judging %q: %w", ref, err)
	}
	return d.JudgeRef(r), nil
}

// JudgeRef returns the imitations found in r: at most one per part.
func (d *Detector) JudgeRef(r Ref) []Hit {
	var hits []Hit
	reg, single := d.registry(r.Host)
	if reg != nil {
		hits = append(hits, *reg)
	}
	if single {
		// Every name on the host belongs to its operator.
		return hits
	}
	if r.Namespace != "" && !d.namespaces[r.Namespace] {
		if h := d.namespace(r); h != nil {
			hits = append(hits, *h)
		}
	}
	if d.namespaces[r.Namespace] && !(r.Hub && r.Namespace == "library") {
		// A publisher names its own repositories as it likes.
		return hits
	}
	if h := d.name(r); h != nil {
		hits = append(hits, *h)
	}
	return hits
}
