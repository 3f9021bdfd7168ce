package wallet

import "strings"

const charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// Checksum constants of BIP-173 (bech32) and BIP-350 (bech32m).
const (
	bech32Const  = 1
	bech32mConst = 0x2bc830a3
)

// segwitHRPs maps human-readable parts to their coin.
var segwitHRPs = map[string]Coin{"bc": Bitcoin, "ltc": Litecoin}

func polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := range 5 {
			if (top>>i)&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// segwit checks a segwit address per BIP-173 and BIP-350: one case only, a
// known human-readable part, a valid checksum of the right variant for the
// witness version and a witness program of an allowed length.
func segwit(s string) (Coin, bool) {
	if len(s) > 90 || (strings.ToLower(s) != s && strings.ToUpper(s) != s) {
		return "", false
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || sep+7 > len(s) {
		return "", false
	}
	hrp := s[:sep]
	coin, ok := segwitHRPs[hrp]
	if !ok {
		return "", false
	}
	data := make([]byte, 0, len(s)-sep-1)
	for i := sep + 1; i < len(s); i++ {
		d := strings.IndexByte(charset, s[i])
		if d < 0 {
			return "", false
		}
		data = append(data, byte(d))
	}
	values := make([]byte, 0, 2*len(hrp)+1+len(data))
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]>>5)
	}
	values = append(values, 0)
	for i := 0; i < len(hrp); i++ {
		values = append(values, hrp[i]&31)
	}
	values = append(values, data...)
	sum := polymod(values)
	data = data[:len(data)-6]
	if len(data) == 0 {
		return "", false
	}
	version := data[0]
	switch {
	case version == 0 && sum != bech32Const, version > 0 && sum != bech32mConst, version > 16:
		return "", false
	}
	prog, ok := regroup(data[1:])
	if !ok || len(prog) < 2 || len(prog) > 40 || (version == 0 && len(prog) != 20 && len(prog) != 32) {
		return "", false
	}
	return coin, true
}

// regroup converts 5-bit groups to bytes, refusing padding that is too long
// or not zero.
func regroup(data []byte) ([]byte, bool) {
	var acc uint32
	bitsIn := 0
	out := make([]byte, 0, len(data)*5/8)
	for _, v := range data {
		acc = acc<<5 | uint32(v)
		bitsIn += 5
		for bitsIn >= 8 {
			bitsIn -= 8
			out = append(out, byte(acc>>bitsIn))
		}
	}
	if bitsIn >= 5 || (acc<<(8-bitsIn))&0xff != 0 {
		return nil, false
	}
	return out, true
}
