package typosquat

import (
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/text/unicode/norm"
)

// unicodeHost returns the Unicode form of an internationalised host: its
// punycode labels (xn--...) decoded. ok is false for a plain ASCII host and
// for one whose punycode does not decode or decodes to nothing, which no browser or client would
// show as a lookalike either.
func unicodeHost(host string) (string, bool) {
	if ascii(host) && !strings.HasPrefix(host, "xn--") && !strings.Contains(host, ".xn--") {
		return "", false
	}
	u, err := idna.Punycode.ToUnicode(host)
	if err != nil || u == "" {
		return "", false
	}
	return strings.ToLower(u), true
}

// plain folds a Unicode host towards the ASCII one it looks like: accents
// and other combining marks are dropped after compatibility decomposition
// ("dóckеr" becomes "dockеr", full-width letters become ASCII ones), so that
// the skeleton comparison sees through them.
func plain(u string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFKD.String(u))
}

// idnHost judges an internationalised host: one that, decoded and folded,
// is a well-known registry host or its domain, or a misspelling of one. The
// hit names the decoded form, which is what a reader is shown.
func (d *Detector) idnHost(host string) *Hit {
	u, ok := unicodeHost(host)
	if !ok {
		return nil
	}
	p := plain(u)
	hit := func(target string, t Technique) *Hit {
		h := &Hit{Part: PartRegistry, Name: host, Imitates: target, Technique: t, Strong: true}
		if u != host {
			h.Unicode = u
		}
		return h
	}
	pf, df := newForm(p), newForm(registrable(p))
	for _, f := range d.hostForms {
		if f.name == p || f.skel == pf.skel || f.name == registrable(p) || f.skel == df.skel {
			return hit(f.name, Homoglyph)
		}
	}
	if c, ok := closest(p, d.hostForms, false); ok {
		return hit(c.target, c.tech)
	}
	if c, ok := closest(registrable(p), d.hostForms, false); ok {
		return hit(c.target, c.tech)
	}
	return nil
}
