package literals

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

type occurrence struct{ lit, start int }

// naive is the reference: every literal at every position.
func naive(lits []string, fold bool, data []byte) []occurrence {
	var out []occurrence
	hay := data
	if fold {
		hay = bytes.ToLower(data) // ASCII-only test data below
	}
	for i := range hay {
		for j, l := range lits {
			if fold {
				l = strings.ToLower(l)
			}
			if bytes.HasPrefix(hay[i:], []byte(l)) {
				out = append(out, occurrence{j, i})
			}
		}
	}
	return out
}

func collect(s *Set, data []byte) []occurrence {
	var out []occurrence
	s.Scan(data, func(lit, start int) bool {
		out = append(out, occurrence{lit, start})
		return true
	})
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		lits []string
		fold bool
		data string
		want []occurrence
	}{
		{"none", []string{"xmrig"}, false, "nothing here", nil},
		{"one", []string{"xmrig"}, false, "run xmrig now", []occurrence{{0, 4}}},
		{"case sensitive", []string{"xmrig"}, false, "XMRig", nil},
		{"fold", []string{"XMRig"}, true, "xmrig XMRIG", []occurrence{{0, 0}, {0, 6}}},
		{"overlapping", []string{"abc", "bcd", "ab"}, false, "abcd", []occurrence{{0, 0}, {2, 0}, {1, 1}}},
		{"shared prefix", []string{"stratum+tcp", "stratum+ssl"}, false, "stratum+ssl://x", []occurrence{{1, 0}}},
		{"single byte", []string{"x", "xy"}, false, "axy", []occurrence{{0, 1}, {1, 1}}},
		{"at the end", []string{"key"}, false, "the key", []occurrence{{0, 4}}},
		{"cut at the end", []string{"keys"}, false, "the key", nil},
		{"binary", []string{"\x7fELF"}, false, "\x00\x7fELF\x02", []occurrence{{0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.lits, tt.fold)
			if err != nil {
				t.Fatal(err)
			}
			got := collect(s, []byte(tt.data))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Scan = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStop(t *testing.T) {
	s := MustNew([]string{"a"}, false)
	n := 0
	s.Scan([]byte("aaaa"), func(int, int) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("Scan went on after fn returned false: %d calls", n)
	}
}

func TestNewRejectsEmpty(t *testing.T) {
	if _, err := New([]string{"a", ""}, false); err == nil {
		t.Error("New accepted an empty literal")
	}
}

// FuzzScan compares Scan with the naive search on arbitrary data.
func FuzzScan(f *testing.F) {
	f.Add([]byte("stratum+tcp://pool.example:3333 XMRig"), "stratum,xmrig,pool", true)
	f.Add([]byte("aaaa"), "a,aa,aaa", false)
	f.Fuzz(func(t *testing.T, data []byte, list string, fold bool) {
		if len(data) > 4096 || len(list) > 256 {
			return
		}
		var lits []string
		for _, l := range strings.Split(list, ",") {
			if l != "" {
				lits = append(lits, l)
			}
		}
		if len(lits) == 0 {
			return
		}
		if fold {
			// The reference lower-cases ASCII only.
			for _, l := range lits {
				for _, c := range []byte(l) {
					if c >= 0x80 {
						return
					}
				}
			}
			for _, c := range data {
				if c >= 0x80 {
					return
				}
			}
		}
		s, err := New(lits, fold)
		if err != nil {
			t.Fatal(err)
		}
		got := collect(s, data)
		want := naive(lits, fold, data)
		slices.SortFunc(got, func(a, b occurrence) int { return a.start*1000 + a.lit - b.start*1000 - b.lit })
		slices.SortFunc(want, func(a, b occurrence) int { return a.start*1000 + a.lit - b.start*1000 - b.lit })
		if !slices.Equal(got, want) {
			t.Fatalf("Scan = %v, want %v", got, want)
		}
	})
}

// BenchmarkScan measures the search over text and over binary-like bytes
// with a few hundred literals, folded as the secret keywords are.
func BenchmarkScan(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "function", "return", "value", "config", "server", "request", "handler", "string", "error", "context", "package", "import", "type", "struct", "if", "for", "range", "nil", "token", "password", "key"}
	var text bytes.Buffer
	for text.Len() < 8<<20 {
		text.WriteString(words[rng.IntN(len(words))])
		text.WriteByte(" \n"[rng.IntN(2)])
	}
	bin := make([]byte, 8<<20)
	for i := range bin {
		bin[i] = byte(rng.Uint32())
	}
	var lits []string
	for i := range 800 {
		lits = append(lits, "pool"+strings.Repeat("x", i%7)+".example"+string(rune('a'+i%26)))
	}
	lits = append(lits, "xmrig", "stratum+tcp", "api_key", "secret", "aws_access", "ghp_", "xoxb-", "-----begin")
	s := MustNew(lits, true)
	for _, in := range []struct {
		name string
		data []byte
	}{{"text", text.Bytes()}, {"binary", bin}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				s.Scan(in.data, func(int, int) bool { return true })
			}
		})
	}
}
