package wallet

// MaxAddresses bounds the addresses Find returns for one text.
const MaxAddresses = 100

// Find returns the checksum-valid addresses in text, in order. Candidates are
// the maximal runs of ASCII letters and digits whose length and first
// characters fit a known format; only those are decoded.
func Find(text []byte) []Address {
	var out []Address
	for i := 0; i < len(text) && len(out) < MaxAddresses; {
		if !alnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && alnum(text[j]) {
			j++
		}
		if candidate(text[i:j]) {
			if a, ok := check(string(text[i:j])); ok {
				a.Offset = i
				out = append(out, a)
			}
		}
		i = j
	}
	return out
}

// candidate reports whether a token's length and first characters fit a
// known format, so that most tokens are never copied or decoded.
func candidate(tok []byte) bool {
	n := len(tok)
	switch {
	case n == 42 && tok[0] == '0' && tok[1] == 'x':
		return true
	case n >= 14 && n <= 90 && (tok[0] == 'b' || tok[0] == 'B' || tok[0] == 'l' || tok[0] == 'L'):
		return true
	case n >= 25 && n <= 36, n >= 95 && n <= maxMonero:
		return true
	}
	return false
}

// check decides whether one token is an address.
func check(tok string) (Address, bool) {
	n := len(tok)
	if n == 42 && tok[0] == '0' && tok[1] == 'x' {
		if weak, ok := ethereum(tok); ok {
			return Address{Coin: Ethereum, Value: tok, Weak: weak}, true
		}
		return Address{}, false
	}
	if n >= 14 && n <= 90 && hasSegwitPrefix(tok) {
		if coin, ok := segwit(tok); ok {
			return Address{Coin: coin, Value: tok}, true
		}
	}
	if !allBase58(tok) {
		return Address{}, false
	}
	if n >= 25 && n <= 36 {
		if coin, ok := base58Check(tok); ok {
			return Address{Coin: coin, Value: tok}, true
		}
	}
	if n >= 95 && n <= maxMonero {
		if coin, ok := cryptoNote(tok); ok {
			return Address{Coin: coin, Value: tok}, true
		}
	}
	return Address{}, false
}

func hasSegwitPrefix(s string) bool {
	for _, p := range [...]string{"bc1", "BC1", "ltc1", "LTC1"} {
		if len(s) > len(p) && s[:len(p)] == p {
			return true
		}
	}
	return false
}

func allBase58(s string) bool {
	for i := 0; i < len(s); i++ {
		if digit[s[i]] < 0 {
			return false
		}
	}
	return true
}

func alnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
