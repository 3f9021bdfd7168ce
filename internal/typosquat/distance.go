package typosquat

// maxDistanceLen bounds the strings Distance compares; longer names are
// never close to a well-known name anyway.
const maxDistanceLen = 128

// Distance returns the optimal-string-alignment Damerau-Levenshtein
// distance between a and b, counted in bytes: insertions, deletions,
// substitutions and transpositions of adjacent letters each cost one.
// Strings longer than maxDistanceLen are compared by length only.
func Distance(a, b string) int {
	if len(a) > maxDistanceLen || len(b) > maxDistanceLen {
		if len(a) > len(b) {
			return len(a) - len(b) + 1
		}
		return len(b) - len(a) + 1
	}
	// Three rows: two before the current one for transpositions.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// threshold is the largest distance at which a name of n letters is still
// taken for a misspelling: none under 4 letters (too many short names are
// one letter apart), 1 from 4 letters, 2 from 8.
func threshold(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}
