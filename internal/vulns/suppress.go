package vulns

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/customs-oss/customs/internal/facts"
)

// maxListed bounds how many suppressed vulnerabilities one note names.
const maxListed = 50

// Settings are the user's choices about which known vulnerabilities to
// report.
type Settings struct {
	// IgnoreUnfixed drops vulnerabilities no released version fixes.
	IgnoreUnfixed bool
	// Ignore are the entries of the ignore file.
	Ignore []IgnoreRule
	// VEX are the statements of the OpenVEX documents given.
	VEX []Statement
	// Now decides which ignore entries have expired; zero means the
	// image's inspection day.
	Now time.Time
}

// Suppressed is a match the settings hide, and why.
type Suppressed struct {
	Match  Match
	Reason string
}

// Filter applies s to the matches of img: it returns those to report, those
// suppressed, and notes that count and name the suppressed ones and the
// expired ignore entries, so that nothing is hidden without a trace.
func Filter(ms []Match, s Settings, img *facts.Image) (kept []Match, suppressed []Suppressed, notes []string) {
	now := s.Now
	if now.IsZero() {
		now = img.Now
	}
	groups := map[string][]Match{}
	var order []string
	hide := func(m Match, group, reason string) {
		if _, ok := groups[group]; !ok {
			order = append(order, group)
		}
		groups[group] = append(groups[group], m)
		suppressed = append(suppressed, Suppressed{m, reason})
	}
	for _, r := range s.Ignore {
		if r.Expired(now) {
			notes = append(notes, fmt.Sprintf("ignore entry %s expired on %s and no longer suppresses it", r.ID, r.Expires))
		}
	}
	for _, m := range ms {
		if r, ok := ignoredBy(m, s.Ignore, now); ok {
			reason := "ignore file: " + r.Reason
			hide(m, fmt.Sprintf("suppressed by the ignore file (%s)", r.Reason), reason)
			continue
		}
		if st, ok := vexFor(m, s.VEX, img); ok && (st.Status == StatusNotAffected || st.Status == StatusFixed) {
			why := st.Status
			if j := firstNonEmpty(st.Justification, st.ImpactStatement); j != "" {
				why += ": " + j
			}
			hide(m, fmt.Sprintf("suppressed by VEX (%s)", why), "VEX "+why)
			continue
		}
		if s.IgnoreUnfixed && m.Fixed == "" {
			hide(m, "without a fix not reported (--ignore-unfixed)", "no fix yet")
			continue
		}
		kept = append(kept, m)
	}
	for _, g := range order {
		notes = append(notes, listNote(g, groups[g]))
	}
	return kept, suppressed, notes
}

// listNote counts and names the matches suppressed for one reason.
func listNote(what string, ms []Match) string {
	names := make([]string, 0, min(len(ms), maxListed))
	for i, m := range ms {
		if i == maxListed {
			names = append(names, fmt.Sprintf("and %d more", len(ms)-maxListed))
			break
		}
		names = append(names, m.ID+" in "+m.Package.Name)
	}
	noun := "vulnerabilities"
	if len(ms) == 1 {
		noun = "vulnerability"
	}
	return fmt.Sprintf("%d %s %s: %s", len(ms), noun, what, strings.Join(names, ", "))
}

// ignoredBy returns the live ignore entry that names m.
func ignoredBy(m Match, rules []IgnoreRule, now time.Time) (IgnoreRule, bool) {
	for _, r := range rules {
		if !r.Expired(now) && r.matches(m) {
			return r, true
		}
	}
	return IgnoreRule{}, false
}

// vexFor returns the statement that decides m's status: of those naming
// one of m's IDs and a product that is m's package or the image, the
// latest.
func vexFor(m Match, statements []Statement, img *facts.Image) (Statement, bool) {
	var applicable []Statement
	for _, st := range statements {
		if namesVulnerability(st, m) && coversPackage(st, m.Package, img) {
			applicable = append(applicable, st)
		}
	}
	if len(applicable) == 0 {
		return Statement{}, false
	}
	sort.SliceStable(applicable, func(i, j int) bool {
		a, b := applicable[i], applicable[j]
		if !a.Timestamp.Equal(b.Timestamp) {
			return a.Timestamp.Before(b.Timestamp)
		}
		return a.Index < b.Index
	})
	return applicable[len(applicable)-1], true
}

func namesVulnerability(st Statement, m Match) bool {
	for _, n := range st.Vulnerability {
		for _, id := range m.IDs() {
			if strings.EqualFold(n, id) {
				return true
			}
		}
	}
	return false
}

// coversPackage reports whether a statement's products include p: a
// product naming p, an image product naming the image with no
// subcomponents (every package), or one whose subcomponents name p.
func coversPackage(st Statement, p facts.Package, img *facts.Image) bool {
	for _, prod := range st.Products {
		if len(prod.Subcomponents) == 0 {
			if anyID(prod.IDs, func(id string) bool { return identifiesImage(id, img) || identifiesPackage(id, p) }) {
				return true
			}
			continue
		}
		if !anyID(prod.IDs, func(id string) bool { return identifiesImage(id, img) }) {
			continue
		}
		for _, sub := range prod.Subcomponents {
			if anyID(sub, func(id string) bool { return identifiesPackage(id, p) }) {
				return true
			}
		}
	}
	return false
}

func anyID(ids []string, f func(string) bool) bool {
	for _, id := range ids {
		if f(id) {
			return true
		}
	}
	return false
}

func identifiesPackage(id string, p facts.Package) bool {
	u, ok := parsePURL(id)
	return ok && u.Type != "oci" && names(u, p)
}

// identifiesImage reports whether id names the image: its manifest or
// index digest anywhere in it (a digest, an image reference by digest, a
// pkg:oci purl), or its reference as given or resolved.
func identifiesImage(id string, img *facts.Image) bool {
	id = unescape(id)
	for _, d := range []string{img.Digest, img.IndexDigest} {
		if d != "" && strings.Contains(id, d) {
			return true
		}
	}
	for _, ref := range append([]string{img.Ref.Name, img.Ref.Input}, img.Ref.RepoTags...) {
		if ref != "" && id == ref {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
