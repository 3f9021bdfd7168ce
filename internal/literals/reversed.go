package literals

// Reversed returns s backwards, byte by byte. Indicator lists (miner names,
// pool hosts) are written backwards in customs' source and turned around
// when a check is built, so that customs' own executable does not carry
// the strings it looks for and no scanner, customs included, takes it for
// what it detects. The indicators are ASCII.
func Reversed(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
