package typosquat

// qwerty is the letter rows of a QWERTY keyboard, the layout typing slips
// are measured on.
var qwerty = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyPos returns the row and column of a letter, ok false for anything else.
func keyPos(c byte) (row, col int, ok bool) {
	for r, line := range qwerty {
		for i := 0; i < len(line); i++ {
			if line[i] == c {
				return r, i, true
			}
		}
	}
	return 0, 0, false
}

// adjacentKeys reports whether a and b are neighbouring keys: next to each
// other on a row, or touching on the rows above and below, which are offset
// by half a key.
func adjacentKeys(a, b byte) bool {
	ra, ca, ok1 := keyPos(a)
	rb, cb, ok2 := keyPos(b)
	if !ok1 || !ok2 || a == b {
		return false
	}
	switch ra - rb {
	case 0:
		return ca-cb == 1 || cb-ca == 1
	case 1: // a is on the lower row, shifted right by half a key
		return ca == cb || ca+1 == cb
	case -1:
		return cb == ca || cb+1 == ca
	}
	return false
}

// neighbourKey reports whether s is k with exactly one letter replaced by
// a neighbouring key.
func neighbourKey(s, k string) bool {
	if len(s) != len(k) {
		return false
	}
	diff := -1
	for i := 0; i < len(s); i++ {
		if s[i] != k[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && adjacentKeys(s[diff], k[diff])
}

// innerDrop reports whether s is k with one letter dropped from inside,
// its first and last letters kept.
func innerDrop(s, k string) bool {
	if len(s)+1 != len(k) || len(s) < 2 || s[0] != k[0] || s[len(s)-1] != k[len(k)-1] {
		return false
	}
	for i := 1; i < len(k)-1; i++ {
		if k[:i]+k[i+1:] == s {
			return true
		}
	}
	return false
}
