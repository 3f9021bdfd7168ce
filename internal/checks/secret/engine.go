package secret

import (
	"bytes"
	"slices"
	"strings"
)

// Bounds of one file's scan.
const (
	// maxScan is how much of a file the engine reads.
	maxScan = 2 << 20
	// maxLine bounds the line handed to line allow lists.
	maxLine = 64 << 10
	// before and after bound the window a rule runs on around a keyword:
	// gitleaks rules allow at most 50 name characters and a few separators
	// before the keyword. Multi-line rules get wideBefore and wideAfter.
	before, after         = 96, 1024
	wideBefore, wideAfter = 1024, 4096
	// maxWindows bounds the windows one rule runs on in one file, and
	// maxMatches the matches one rule reports in one file.
	maxWindows = 256
	maxMatches = 32
)

// match is a secret the engine found. Offsets are into the scanned data.
type match struct {
	rule                   *rule
	start, end             int
	secretStart, secretEnd int
	line                   int
}

// scanner is the per-call state of the engine: the lower-cased copy of the
// data and the keyword hits of each rule. One scanner serves one goroutine.
type scanner struct {
	hits    [][]int
	allowed []bool
}

func (rs *ruleset) newScanner() *scanner {
	return &scanner{hits: make([][]int, len(rs.rules)), allowed: make([]bool, len(rs.rules))}
}

// scan runs every rule of at least confidence floor whose keywords occur in
// data on the windows around those keywords.
// path is the file's path in the image, for path rules and allow lists.
func (rs *ruleset) scan(sc *scanner, path string, data []byte, floor confidence) []match {
	if len(data) > maxScan {
		data = data[:maxScan]
	}
	for i, r := range rs.rules {
		sc.hits[i] = sc.hits[i][:0]
		sc.allowed[i] = r.confidence >= floor && (r.path == nil || r.path.MatchString(path))
	}
	var active []int
	idx := rs.byFloor[floor]
	idx.set.Scan(data, func(pattern, pos int) bool {
		n := len(idx.set.Literal(pattern))
		for _, ri := range idx.rules[pattern] {
			if !sc.allowed[ri] {
				continue
			}
			r := rs.rules[ri]
			h := sc.hits[ri]
			if len(h) > 0 && pos-h[len(h)-1] < valueReach && bytes.IndexByte(data[h[len(h)-1]:pos], '\n') < 0 {
				continue // on the line of the previous hit, inside its window
			}
			if r.tail > 0 && !alnumRun(data[min(len(data), pos+int(n)):], r.tail) {
				continue
			}
			if r.confidence == generic && !valueAhead(data[pos:min(len(data), pos+valueReach)]) {
				continue
			}
			if len(h) == 0 {
				active = append(active, ri)
			}
			if len(h) < maxWindows*4 {
				sc.hits[ri] = append(h, pos)
			}
		}
		return true
	})
	slices.Sort(active)
	var out []match
	for _, ri := range active {
		r := rs.rules[ri]
		if r.anchored {
			out = append(out, rs.runRule(r, path, data, sc.hits[ri])...)
		} else {
			out = append(out, rs.runWhole(r, path, data)...)
		}
	}
	if len(out) > 0 && rs.global.allowsPath(path) {
		// Checked last: the global path list is two dozen expressions and
		// almost no file has a match.
		return nil
	}
	return out
}

// runWhole runs a rule whose keyword only gates it (the expression does not
// contain the keyword) on the whole data, as gitleaks does.
func (rs *ruleset) runWhole(r *rule, path string, data []byte) []match {
	var out []match
	for _, loc := range r.re.FindAllSubmatchIndex(data, maxMatches) {
		if m, ok := rs.verify(r, path, data, 0, loc); ok {
			out = append(out, m)
		}
	}
	return out
}

// valueReach is how far after a generic keyword its value can end: 20 name
// characters, separators and quotes, and the value.
const valueReach = 200

// valueAhead reports whether b holds a run of at least 10 value characters
// with a digit in it, without which no generic rule can match: gitleaks
// requires a digit in a generic secret.
func valueAhead(b []byte) bool {
	run, digit := 0, false
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			run++
			digit = true
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c == '.', c == '=', c == '-', c == '+', c == '/':
			run++
		default:
			if run >= 10 && digit {
				return true
			}
			run, digit = 0, false
			if c == '\n' {
				return false
			}
		}
	}
	return run >= 10 && digit
}

// alnumRun reports whether b starts with at least n ASCII letters or digits.
func alnumRun(b []byte, n int) bool {
	if len(b) < n {
		return false
	}
	for _, c := range b[:n] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// runRule runs one rule on the merged windows around its keyword hits.
func (rs *ruleset) runRule(r *rule, path string, data []byte, hits []int) []match {
	b, a := before, after
	if r.multiline {
		b, a = wideBefore, wideAfter
	}
	var out []match
	seen := map[int]bool{}
	windows := 0
	for i := 0; i < len(hits) && windows < maxWindows; {
		lo, hi := window(data, hits[i], b, a, r.multiline)
		i++
		for i < len(hits) && hits[i] <= hi {
			_, hi = window(data, hits[i], b, a, r.multiline)
			i++
		}
		windows++
		for _, loc := range r.re.FindAllSubmatchIndex(data[lo:hi], maxMatches) {
			m, ok := rs.verify(r, path, data, lo, loc)
			if !ok || seen[m.secretStart] {
				continue
			}
			seen[m.secretStart] = true
			out = append(out, m)
			if len(out) == maxMatches {
				return out
			}
		}
	}
	return out
}

// window is the part of data a rule runs on for a keyword at pos: the line
// around it, bounded on each side, or a wider span for multi-line rules.
func window(data []byte, pos, before, after int, multiline bool) (int, int) {
	lo, hi := max(0, pos-before), min(len(data), pos+after)
	if multiline {
		return lo, hi
	}
	if i := bytes.LastIndexByte(data[lo:pos], '\n'); i >= 0 {
		lo += i + 1
	}
	if i := bytes.IndexByte(data[pos:hi], '\n'); i >= 0 {
		hi = pos + i
	}
	return lo, hi
}

// verify applies a rule's secret group, entropy and allow lists to a match
// found in the window starting at off.
func (rs *ruleset) verify(r *rule, path string, data []byte, off int, loc []int) (match, bool) {
	m := match{rule: r, start: off + loc[0], end: off + loc[1], secretStart: off + loc[0], secretEnd: off + loc[1]}
	switch {
	case r.secretGroup > 0 && loc[2*r.secretGroup] >= 0:
		m.secretStart, m.secretEnd = off+loc[2*r.secretGroup], off+loc[2*r.secretGroup+1]
	case r.secretGroup == 0:
		for g := 1; 2*g+1 < len(loc); g++ {
			if loc[2*g] >= 0 && loc[2*g+1] > loc[2*g] {
				m.secretStart, m.secretEnd = off+loc[2*g], off+loc[2*g+1]
				break
			}
		}
	}
	secret := data[m.secretStart:m.secretEnd]
	if len(secret) == 0 {
		return m, false
	}
	if r.entropy > 0 {
		if entropy(secret) <= r.entropy {
			return m, false
		}
		if strings.HasPrefix(r.id, "generic") && !hasDigit(secret) {
			return m, false
		}
	}
	line := lineAround(data, m.start, m.end)
	whole := data[m.start:m.end]
	if r.confidence == generic && genericNoise(secret, line) {
		return m, false
	}
	if matchAnyBytes(rs.global.regexes, secret) || hasStopword(rs.global.stopwords, secret) {
		return m, false
	}
	for _, al := range r.allow {
		if al.allows(path, secret, whole, line) {
			return m, false
		}
	}
	m.line = 1 + bytes.Count(data[:m.start], []byte{'\n'})
	return m, true
}

// lineAround returns the line (or lines) holding data[start:end], bounded.
func lineAround(data []byte, start, end int) []byte {
	lo := max(0, start-maxLine)
	if i := bytes.LastIndexByte(data[lo:start], '\n'); i >= 0 {
		lo += i + 1
	}
	hi := min(len(data), end+maxLine)
	if i := bytes.IndexByte(data[end:hi], '\n'); i >= 0 {
		hi = end + i
	}
	return data[lo:hi]
}

func hasDigit(b []byte) bool {
	for _, c := range b {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}
