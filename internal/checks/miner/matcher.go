package miner

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/customs-oss/customs/internal/literals"
)

//go:embed data/pools.txt
var poolList string

// matcher finds every indicator and pool domain in one pass over the
// content. It is immutable once built and shared by the checks.
type matcher struct {
	set      *literals.Set
	patterns []indicator
}

// sharedMatcher builds the automaton once per process: it is read-only
// and costs a few megabytes, so the checks of every scan share it.
var sharedMatcher = sync.OnceValue(func() *matcher { return newMatcher(poolList) })

// newMatcher builds the matcher over the indicators and the pool domains
// listed one per line in pools ('#' starts a comment), written with their
// labels in reverse order ("com.minexmr") for the reason indicators are
// written backwards.
func newMatcher(pools string) *matcher {
	m := &matcher{}
	for _, in := range indicators {
		in.literal, in.label = literals.Reversed(in.literal), literals.Reversed(in.label)
		m.patterns = append(m.patterns, in)
	}
	for line := range strings.Lines(pools) {
		d := strings.TrimSpace(line)
		if d == "" || strings.HasPrefix(d, "#") {
			continue
		}
		d = domainOrder(d)
		m.patterns = append(m.patterns, indicator{literal: d, label: d, weight: 2, kind: pool})
	}
	lits := make([]string, len(m.patterns))
	for i, p := range m.patterns {
		lits[i] = p.literal
	}
	m.set = literals.MustNew(lits, false)
	return m
}

// hit is the first occurrence of one pattern.
type hit struct {
	pattern int
	offset  int
}

// hits are the patterns found in one content, each once.
type hits struct {
	m    *matcher
	list []hit
}

// maxHits bounds the distinct patterns recorded per content.
const maxHits = 64

// scan finds the indicators in data in one pass. Pool domains count only
// on domain boundaries, so "notminergate.com" is not "minergate.com".
func (m *matcher) scan(data []byte) hits {
	h := hits{m: m}
	var seen [256]bool
	m.set.Scan(data, func(p, start int) bool {
		if p < len(seen) && seen[p] || p >= len(seen) && h.has(p) {
			return true
		}
		lit := m.patterns[p].literal
		if m.patterns[p].kind == pool && !domainBounded(data, start, start+len(lit)) {
			return true
		}
		if p < len(seen) {
			seen[p] = true
		}
		h.list = append(h.list, hit{pattern: p, offset: start})
		return len(h.list) < maxHits
	})
	return h
}

func (h hits) has(p int) bool {
	for _, x := range h.list {
		if x.pattern == p {
			return true
		}
	}
	return false
}

// domainBounded reports whether data[start:end] stands as a whole domain
// or as the registered domain of a longer host name.
func domainBounded(data []byte, start, end int) bool {
	if start > 0 {
		c := data[start-1]
		if hostChar(c) && c != '.' {
			return false
		}
	}
	if end < len(data) {
		c := data[end]
		if c == '.' {
			return end+1 >= len(data) || !hostChar(data[end+1]) || data[end+1] == '.'
		}
		if hostChar(c) {
			return false
		}
	}
	return true
}

func hostChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
}

// score adds the weights of the distinct labels of the given kinds found,
// and returns the labels in the order they were found and the largest
// single weight.
func (h hits) score(kinds ...kind) (total, strongest int, labels []string) {
	for _, x := range h.list {
		p := h.m.patterns[x.pattern]
		if !slices.Contains(kinds, p.kind) || slices.Contains(labels, p.label) {
			continue
		}
		labels = append(labels, p.label)
		total += p.weight
		strongest = max(strongest, p.weight)
	}
	return total, strongest, labels
}

// any reports whether a pattern of one of the kinds was found.
func (h hits) any(kinds ...kind) bool {
	for _, x := range h.list {
		if slices.Contains(kinds, h.m.patterns[x.pattern].kind) {
			return true
		}
	}
	return false
}

// find returns the hits of the given kinds.
func (h hits) find(kinds ...kind) []hit {
	var out []hit
	for _, x := range h.list {
		if slices.Contains(kinds, h.m.patterns[x.pattern].kind) {
			out = append(out, x)
		}
	}
	return out
}

// conclusive is the scoring rule of miner programs: one conclusive
// indicator, or several independent ones adding up to as much.
func conclusive(total, strongest int, labels []string) bool {
	return strongest >= 4 || (len(labels) >= 2 && total >= 4)
}

// list joins indicator labels for a report, at most max of them.
func list(labels []string, limit int) string {
	if len(labels) > limit {
		return fmt.Sprintf("%s and %d more", strings.Join(labels[:limit], ", "), len(labels)-limit)
	}
	return strings.Join(labels, ", ")
}

// domainOrder turns a domain written label-reversed ("com.minexmr") into
// its ordinary form ("minexmr.com").
func domainOrder(rev string) string {
	labels := strings.Split(rev, ".")
	slices.Reverse(labels)
	return strings.Join(labels, ".")
}
