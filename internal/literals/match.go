// Package literals finds many literal strings in a byte slice in one pass. It
// is the shared first stage of the content checks: they look up their
// literals (miner names, pool hosts, secret keywords, shell tokens) here and
// run their precise rules only around the hits.
//
// The search keeps a hashed filter of the literals' first three bytes small
// enough for the first-level cache: each position of the content costs one
// bit test, which rejects almost every position without a mispredicted
// branch; the rest are looked up by their first two bytes, filtered by the
// third and fourth, and only the literals that start with the same bytes
// are compared. On
// the text and binaries images are made of this runs at several hundred
// MB/s (see BenchmarkScan), two to three times the speed of an
// Aho-Corasick automaton's transitions, because almost no position starts
// a literal.
package literals

import "fmt"

// Set is an immutable set of literals, safe for concurrent use.
type Set struct {
	fold bool
	lits [][]byte
	// tri is a filter of the first three bytes of the literals (lower-cased
	// when folding; a literal of two bytes stands for every third byte),
	// hashed into 32 KiB that stay in the first-level cache: one bit test
	// per position rejects almost all of them, with few mispredictions.
	tri [triBits / 64]uint64
	// pairIdx maps the first two bytes of a literal to 1 + its index in pairs.
	pairIdx [1 << 16]uint16
	pairs   []pairEntry
	// one lists the literals of a single byte, by that byte; hasOne says
	// whether there are any.
	one    [256][]int32
	hasOne bool
}

const triBits = 1 << 18

func triHash(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> (32 - 18)
}

func (s *Set) setTri(a, b, c byte) {
	h := triHash(a, b, c)
	s.tri[h/64] |= 1 << (h % 64)
}

// pairEntry holds the literals that start with one pair of bytes.
type pairEntry struct {
	// third has a bit set for every third byte of those literals; a
	// literal of two bytes sets every bit.
	third [4]uint64
	// lits are the literals, and quads their first four bytes (0 for the
	// shorter ones, which are compared whole).
	lits  []int32
	quads []uint32
}

// lower maps ASCII upper case to lower case and every other byte to itself.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'A' && i <= 'Z' {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

// New builds the set of literals. With fold, ASCII letters match in either
// case. Literals are numbered by their position in the list; an empty
// literal is an error.
func New(literals []string, fold bool) (*Set, error) {
	s := &Set{fold: fold, lits: make([][]byte, len(literals))}
	for i, l := range literals {
		if l == "" {
			return nil, fmt.Errorf("literals: literal %d is empty", i)
		}
		b := []byte(l)
		if fold {
			for j := range b {
				b[j] = lower[b[j]]
			}
		}
		s.lits[i] = b
		if len(b) == 1 {
			s.one[b[0]] = append(s.one[b[0]], int32(i))
			s.hasOne = true
			continue
		}
		k := uint16(b[0])<<8 | uint16(b[1])
		if s.pairIdx[k] == 0 {
			if len(s.pairs) >= 1<<16-1 {
				return nil, fmt.Errorf("literals: too many distinct literal prefixes")
			}
			s.pairs = append(s.pairs, pairEntry{})
			s.pairIdx[k] = uint16(len(s.pairs))
		}
		e := &s.pairs[s.pairIdx[k]-1]
		if len(b) == 2 {
			e.third = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			for c := range 256 {
				s.setTri(b[0], b[1], byte(c))
			}
		} else {
			e.third[b[2]/64] |= 1 << (b[2] % 64)
			s.setTri(b[0], b[1], b[2])
		}
		var q uint32
		if len(b) >= 4 {
			q = quad(b)
		}
		e.lits = append(e.lits, int32(i))
		e.quads = append(e.quads, q)
	}
	return s, nil
}

func quad(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// MustNew is New for literal lists fixed in the program, which a test
// proves valid.
func MustNew(literals []string, fold bool) *Set {
	s, err := New(literals, fold)
	if err != nil {
		panic(err)
	}
	return s
}

// Len is the number of literals.
func (s *Set) Len() int { return len(s.lits) }

// Literal returns literal i as stored (lower-cased when folding).
func (s *Set) Literal(i int) string { return string(s.lits[i]) }

// Scan calls fn for every occurrence of a literal in data, in order of its
// start (literals starting at the same offset in no fixed order, and those
// of a single byte first), with the
// literal's number and its start offset; the match spans
// data[start:start+len(literal)]. Scan stops when fn returns false.
func (s *Set) Scan(data []byte, fn func(literal, start int) bool) {
	if len(data) == 0 {
		return
	}
	tbl := &identity
	if s.fold {
		tbl = &lower
	}
	if s.hasOne {
		s.scanOne(data, tbl, fn)
	}
	if len(data) < 2 {
		return
	}
	tri := &s.tri
	b, c := tbl[data[0]], tbl[data[1]]
	i := 0
	for ; i+2 < len(data); i++ {
		a := b
		b, c = c, tbl[data[i+2]]
		if h := triHash(a, b, c); tri[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		if !s.at(data, i, tbl, fn) {
			return
		}
	}
	// The last pair has no third byte to hash.
	s.at(data, i, tbl, fn)
}

// at reports the literals starting at data[i], for a position the filter
// let through; it returns false when fn asked to stop.
func (s *Set) at(data []byte, i int, tbl *[256]byte, fn func(literal, start int) bool) bool {
	if i+1 >= len(data) {
		return true
	}
	k := uint16(tbl[data[i]])<<8 | uint16(tbl[data[i+1]])
	pi := s.pairIdx[k]
	if pi == 0 {
		return true
	}
	e := &s.pairs[pi-1]
	var q uint32
	if i+2 < len(data) {
		t := tbl[data[i+2]]
		if e.third[t/64]&(1<<(t%64)) == 0 {
			return true
		}
		if i+3 < len(data) {
			q = uint32(k)<<16 | uint32(t)<<8 | uint32(tbl[data[i+3]])
		}
	}
	for j, p := range e.lits {
		if lq := e.quads[j]; lq != 0 && lq != q {
			continue
		}
		if s.equal(data[i:], s.lits[p], tbl) && !fn(int(p), i) {
			return false
		}
	}
	return true
}

// scanOne reports the literals of a single byte. Sets rarely have any;
// they are searched apart so the main loop stays tight, and reported
// before the longer literals rather than interleaved by offset.
func (s *Set) scanOne(data []byte, tbl *[256]byte, fn func(literal, start int) bool) {
	for i, b := range data {
		for _, p := range s.one[tbl[b]] {
			if !fn(int(p), i) {
				return
			}
		}
	}
}

// identity maps every byte to itself.
var identity = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	return t
}()

// equal reports whether data starts with lit, comparing through tbl.
func (s *Set) equal(data, lit []byte, tbl *[256]byte) bool {
	if len(data) < len(lit) {
		return false
	}
	for j, c := range lit {
		if tbl[data[j]] != c {
			return false
		}
	}
	return true
}
