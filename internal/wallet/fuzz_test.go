package wallet

import (
	"strings"
	"testing"
)

// FuzzFind checks that Find never panics and only returns addresses that
// are found at their offset and pass the check again.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		moneroDonation, moneroConfig, bitcoinGenesis,
		"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
		"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
		"-o stratum+tcp://pool:4444 -u " + moneroDonation + " -p x",
		strings.Repeat("z", 200), "bc1", "0x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, a := range Find(data) {
			if a.Offset < 0 || a.Offset+len(a.Value) > len(data) || string(data[a.Offset:a.Offset+len(a.Value)]) != a.Value {
				t.Fatalf("address %q not at offset %d", a.Value, a.Offset)
			}
			if b, ok := check(a.Value); !ok || b.Coin != a.Coin {
				t.Fatalf("address %q does not check again", a.Value)
			}
		}
	})
}

// FuzzDecodeMonero checks the block decoder against its own bounds.
func FuzzDecodeMonero(f *testing.F) {
	f.Add(moneroDonation)
	f.Add("1111111111z")
	f.Fuzz(func(t *testing.T, s string) {
		b, ok := decodeMonero(s)
		if ok && len(b) > len(s) {
			t.Fatalf("decoded %d bytes from %d characters", len(b), len(s))
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := []byte(strings.Repeat("some ordinary text with words, numbers 12345 and a hash d41d8cd98f00b204e9800998ecf8427e\n", 1000) + moneroDonation)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
