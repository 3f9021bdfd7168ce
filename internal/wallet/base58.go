package wallet

import (
	"math/big"
	"math/bits"
)

const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// digit maps a byte to its base58 value, or -1.
var digit = func() [256]int8 {
	var d [256]int8
	for i := range d {
		d[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		d[alphabet[i]] = int8(i)
	}
	return d
}()

// maxBase58 bounds the strings decoded as one big number; addresses are
// far shorter.
const maxBase58 = 64

// decodeBase58 decodes Bitcoin-style base58: one big-endian number, with a
// zero byte for each leading '1'.
func decodeBase58(s string) ([]byte, bool) {
	if s == "" || len(s) > maxBase58 {
		return nil, false
	}
	n := new(big.Int)
	radix := big.NewInt(58)
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	for i := 0; i < len(s); i++ {
		d := digit[s[i]]
		if d < 0 {
			return nil, false
		}
		n.Mul(n, radix)
		n.Add(n, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), n.Bytes()...), true
}

// blockSizes[n] is the length of the encoding of an n-byte block in
// Monero's base58, which encodes 8-byte blocks as 11 characters each.
var blockSizes = [9]int{0, 2, 3, 5, 6, 7, 9, 10, 11}

// maxMonero bounds the strings decoded with Monero's base58.
const maxMonero = 160

// decodeMonero decodes Monero's block base58.
func decodeMonero(s string) ([]byte, bool) {
	if s == "" || len(s) > maxMonero {
		return nil, false
	}
	full, rest := len(s)/11, len(s)%11
	last := -1
	for n, size := range blockSizes {
		if size == rest {
			last = n
		}
	}
	if last < 0 {
		return nil, false
	}
	out := make([]byte, 0, full*8+last)
	for b := 0; b <= full; b++ {
		chunk := s[b*11 : min(len(s), b*11+11)]
		size := 8
		if b == full {
			if rest == 0 {
				break
			}
			size = last
		}
		var v uint64
		for i := 0; i < len(chunk); i++ {
			d := digit[chunk[i]]
			if d < 0 {
				return nil, false
			}
			hi, lo := bits.Mul64(v, 58)
			if hi != 0 || lo+uint64(d) < lo {
				return nil, false
			}
			v = lo + uint64(d)
		}
		if size < 8 && v>>(8*size) != 0 {
			return nil, false
		}
		for i := size - 1; i >= 0; i-- {
			out = append(out, byte(v>>(8*i)))
		}
	}
	return out, true
}
