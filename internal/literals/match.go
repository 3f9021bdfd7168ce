// Package literals finds many literal strings in a byte slice in one pass. It
// is the shared first stage of the content checks: they look up their
// literals (miner names, pool hosts, secret keywords, shell tokens) here and
// run their precise rules only around the hits.
//
// The search indexes the literals by their first two bytes, and the longer
// ones also by their first four: each position of the content costs one
// table look-up, a pair that starts a long literal one more bit test, and
// only the literals that start with the same four bytes are compared. On
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
	// pair says, for the first two bytes of a position (lower-cased when
	// folding), whether a literal of two or three bytes starts so
	// (hasShort) and whether a longer one does (hasLong).
	pair [1 << 16]uint8
	// short maps a pair to the literals of two or three bytes starting so.
	short map[uint16][]int32
	// quadBits is a filter of the first four bytes of the longer literals;
	// quads lists those literals by their first four bytes.
	quadBits [quadBitsLen / 64]uint64
	quads    map[uint32][]int32
	// one lists the literals of a single byte, by that byte; hasOne says
	// whether there are any.
	one    [256][]int32
	hasOne bool
}

const (
	hasShort    = 1
	hasLong     = 2
	quadBitsLen = 1 << 20
)

func quadBit(q uint32) uint32 { return (q * 0x9E3779B1) >> (32 - 20) }

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
	s := &Set{fold: fold, lits: make([][]byte, len(literals)), short: map[uint16][]int32{}, quads: map[uint32][]int32{}}
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
		switch {
		case len(b) == 1:
			s.one[b[0]] = append(s.one[b[0]], int32(i))
			s.hasOne = true
		case len(b) < 4:
			k := uint16(b[0])<<8 | uint16(b[1])
			s.pair[k] |= hasShort
			s.short[k] = append(s.short[k], int32(i))
		default:
			k := uint16(b[0])<<8 | uint16(b[1])
			s.pair[k] |= hasLong
			q := quad(b)
			bit := quadBit(q)
			s.quadBits[bit/64] |= 1 << (bit % 64)
			s.quads[q] = append(s.quads[q], int32(i))
		}
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
// start (literals starting at the same offset in no fixed order), with the
// literal's number and its start offset; the match spans
// data[start:start+len(literal)]. Scan stops when fn returns false.
func (s *Set) Scan(data []byte, fn func(literal, start int) bool) {
	tbl := &identity
	if s.fold {
		tbl = &lower
	}
	for i := 0; i < len(data); i++ {
		c := tbl[data[i]]
		if s.hasOne {
			for _, p := range s.one[c] {
				if !fn(int(p), i) {
					return
				}
			}
		}
		if i+1 >= len(data) {
			break
		}
		k := uint16(c)<<8 | uint16(tbl[data[i+1]])
		flags := s.pair[k]
		if flags == 0 {
			continue
		}
		if flags&hasShort != 0 {
			for _, p := range s.short[k] {
				if s.equal(data[i:], s.lits[p], tbl) && !fn(int(p), i) {
					return
				}
			}
		}
		if flags&hasLong == 0 || i+4 > len(data) {
			continue
		}
		q := uint32(k)<<16 | uint32(tbl[data[i+2]])<<8 | uint32(tbl[data[i+3]])
		if bit := quadBit(q); s.quadBits[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		for _, p := range s.quads[q] {
			if s.equal(data[i:], s.lits[p], tbl) && !fn(int(p), i) {
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
