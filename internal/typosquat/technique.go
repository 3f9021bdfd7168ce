package typosquat

import (
	"fmt"
	"strings"
)

// Technique is how a name imitates another.
type Technique int

// The techniques, from the spelling ones (strong signals) to affixes and
// claims (weak ones).
const (
	Transposition Technique = iota + 1
	DoubledLetter
	DroppedLetter
	ExtraLetter
	ChangedLetters
	Homoglyph
	Separators
	Affix
	Claim
)

// Spelling reports whether the technique misspells the name it imitates,
// which nobody does by accident on a well-known name.
func (t Technique) Spelling() bool { return t >= Transposition && t <= Separators }

// String names the technique as a report phrases it.
func (t Technique) String() string {
	switch t {
	case Transposition:
		return "two letters swapped"
	case DoubledLetter:
		return "a doubled letter"
	case DroppedLetter:
		return "a dropped letter"
	case ExtraLetter:
		return "an extra letter"
	case ChangedLetters:
		return "changed letters"
	case Homoglyph:
		return "lookalike characters"
	case Separators:
		return "changed separators"
	case Affix:
		return "an added word"
	case Claim:
		return "a claim to be official"
	}
	return fmt.Sprintf("technique %d", int(t))
}

// form is a name with the forms the comparisons need, computed once.
type form struct {
	name, bare, skel, bareSkel string
}

// newForm returns the forms of a name.
func newForm(s string) form {
	bare := stripSeparators(s)
	return form{name: s, bare: bare, skel: Skeleton(s), bareSkel: Skeleton(bare)}
}

// spelling returns how a misspells b, if it does.
func spelling(a, b form) (Technique, bool) {
	s, k := a.name, b.name
	if s == k || len(s) < 3 || len(k) < 3 {
		return 0, false
	}
	if a.bare == b.bare && a.bare != "" {
		return Separators, true
	}
	if a.skel == b.skel || a.bareSkel == b.bareSkel {
		return Homoglyph, true
	}
	if len(s) < 4 || len(k) < 4 {
		return 0, false
	}
	d := Distance(s, k)
	if d == 0 || d > threshold(min(len(s), len(k))) {
		return 0, false
	}
	if d > 1 {
		return ChangedLetters, true
	}
	switch {
	case len(s) == len(k)+1 && doubled(s, k):
		return DoubledLetter, true
	case len(s) == len(k)+1:
		return ExtraLetter, true
	case len(s)+1 == len(k):
		return DroppedLetter, true
	case len(s) == len(k) && swapped(s, k):
		return Transposition, true
	}
	return ChangedLetters, true
}

// doubled reports whether long is short with one letter written twice.
func doubled(long, short string) bool {
	for i := 1; i < len(long); i++ {
		if long[i] == long[i-1] && long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}

// swapped reports whether a and b, of equal length, differ by one swap of
// adjacent letters.
func swapped(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// plausible reports whether a technique found between a name s and a
// well-known one k is telling enough to report. Among the many names of
// four or five letters, a changed letter ("base" and "bash", "code" and
// "node") or a dropped one ("wiki" and "xwiki") is mostly coincidence; an
// extra letter is too under five. Five letters are the exception when the
// slip is a typing one: a key replaced by its neighbour on the keyboard
// ("ngimx" for nginx), or a letter dropped from inside the name, first and
// last letters kept ("ngnx"); a coincidental name rarely keeps both ends or
// misses by one key. Namespaces are compared more strictly still: any
// account can take a name one letter away from a publisher's ("rocker" and
// "docker"), and separators are not allowed in Docker Hub namespaces while
// they are common on other registries ("home-assistant").
func plausible(t Technique, s, k string, namespace bool) bool {
	n := len(k)
	switch t {
	case ChangedLetters:
		return !namespace && (n >= 6 || n == 5 && neighbourKey(s, k))
	case DroppedLetter:
		return n >= 6 || n == 5 && !namespace && innerDrop(s, k)
	case ExtraLetter:
		return n >= 5
	case Separators:
		return !namespace
	}
	return true
}

// describe phrases a hit: "'ngnix' imitates 'nginx' (two letters swapped)".
func describe(name, target string, t Technique, affixes []string) string {
	how := t.String()
	if t == Affix && len(affixes) > 0 {
		how = "the added " + plural("word", len(affixes)) + " " + quoteAll(affixes)
	}
	return fmt.Sprintf("%q imitates %q (%s)", name, target, how)
}

func plural(w string, n int) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
