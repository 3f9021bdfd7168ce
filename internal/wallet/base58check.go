package wallet

import (
	"bytes"
	"crypto/sha256"
)

// versions maps the version bytes of base58check pay-to-key-hash and
// pay-to-script-hash addresses to their coin. 0x05 is shared by Bitcoin and
// Litecoin's legacy script addresses and is reported as Bitcoin.
var versions = map[string]Coin{
	"\x00": Bitcoin, "\x05": Bitcoin,
	"\x30": Litecoin, "\x32": Litecoin,
	"\x1e": Dogecoin, "\x16": Dogecoin,
	"\x3c": Ravencoin, "\x7a": Ravencoin,
	"\x4c": Dash, "\x10": Dash,
	"\x1c\xb8": Zcash, "\x1c\xbd": Zcash,
}

// base58Check checks a base58check address: a version (one byte, two for
// Zcash), a 20-byte hash and the first 4 bytes of double SHA-256.
func base58Check(s string) (Coin, bool) {
	b, ok := decodeBase58(s)
	if !ok || len(b) < 25 || len(b) > 26 {
		return "", false
	}
	body, sum := b[:len(b)-4], b[len(b)-4:]
	first := sha256.Sum256(body)
	second := sha256.Sum256(first[:])
	if !bytes.Equal(second[:4], sum) {
		return "", false
	}
	coin, ok := versions[string(body[:len(body)-20])]
	return coin, ok
}
