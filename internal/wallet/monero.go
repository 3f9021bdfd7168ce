package wallet

import (
	"bytes"

	"golang.org/x/crypto/sha3"
)

// Monero's mainnet network bytes: standard, integrated and subaddress.
// Testnet and stagenet addresses are not money and are not reported.
var moneroPrefixes = map[uint64]bool{18: true, 19: true, 42: true}

// cryptoNote checks a Monero-style address: block base58 of a varint network
// prefix, two 32-byte public keys (plus an 8-byte payment ID for integrated
// addresses, or more for other coins) and the first 4 bytes of the
// Keccak-256 of all that.
func cryptoNote(s string) (Coin, bool) {
	b, ok := decodeMonero(s)
	if !ok || len(b) < 1+64+4 {
		return "", false
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	h := sha3.NewLegacyKeccak256()
	h.Write(body)
	if !bytes.Equal(h.Sum(nil)[:4], sum) {
		return "", false
	}
	prefix, n := uvarint(body)
	if n == 0 {
		return "", false
	}
	keys := len(body) - n
	if moneroPrefixes[prefix] && (keys == 64 || (prefix == 19 && keys == 72)) {
		return Monero, true
	}
	if prefix < 64 {
		// Monero's testnet (53, 54, 63) and stagenet (24, 25, 36) and
		// other one-byte prefixes: not a mainnet wallet of a coin people
		// mine with.
		return "", false
	}
	return CryptoNote, true
}

// uvarint decodes the LEB128 varint that starts b; n is 0 when it is bad.
func uvarint(b []byte) (v uint64, n int) {
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
