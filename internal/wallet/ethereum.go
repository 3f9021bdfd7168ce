package wallet

import "golang.org/x/crypto/sha3"

// ethereum checks "0x" and 40 hex digits. A mixed-case address must carry a
// valid EIP-55 checksum; an all-lower or all-upper one is valid but weak,
// since any 160-bit hex number looks the same.
func ethereum(s string) (weak, ok bool) {
	if len(s) != 42 || s[0] != '0' || s[1] != 'x' {
		return false, false
	}
	hex := s[2:]
	lower, upper, zero := false, false, true
	buf := make([]byte, 40)
	for i := 0; i < 40; i++ {
		c := hex[i]
		switch {
		case c >= '0' && c <= '9':
			if c != '0' {
				zero = false
			}
		case c >= 'a' && c <= 'f':
			lower, zero = true, false
		case c >= 'A' && c <= 'F':
			upper, zero = true, false
			c += 'a' - 'A'
		default:
			return false, false
		}
		buf[i] = c
	}
	if zero {
		return false, false
	}
	if !lower || !upper {
		return true, true
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(buf)
	sum := h.Sum(nil)
	for i := 0; i < 40; i++ {
		c := hex[i]
		if c <= '9' {
			continue
		}
		nibble := sum[i/2] >> 4
		if i%2 == 1 {
			nibble = sum[i/2] & 0xf
		}
		if (nibble >= 8) != (c >= 'A' && c <= 'F') {
			return false, false
		}
	}
	return false, true
}
