package typosquat

import "testing"

func TestAdjacentKeys(t *testing.T) {
	for _, tt := range []struct {
		a, b byte
		want bool
	}{
		{'n', 'm', true}, {'m', 'n', true}, {'q', 'w', true}, {'q', 'a', true}, {'a', 'q', true},
		{'w', 'a', true}, {'a', 'w', true}, {'s', 'x', true}, {'x', 's', true}, {'g', 'b', true},
		{'p', 'l', true}, {'x', 'z', true},
		{'n', 'n', false}, {'q', 'e', false}, {'q', 's', false}, {'q', 'z', false}, {'p', 'a', false},
		{'x', 'o', false}, {'1', '2', false}, {'-', 'n', false},
	} {
		if got := adjacentKeys(tt.a, tt.b); got != tt.want {
			t.Errorf("adjacentKeys(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNeighbourKeyAndInnerDrop(t *testing.T) {
	for _, tt := range []struct {
		s, k            string
		neighbour, drop bool
	}{
		{"ngimx", "nginx", true, false},
		{"ngnx", "nginx", false, true},
		{"ngix", "nginx", false, true},
		{"ginx", "nginx", false, false},
		{"ngin", "nginx", false, false},
		{"ngomx", "nginx", false, false},
		{"nginx", "nginx", false, false},
		{"", "a", false, false},
		{"a", "ab", false, false},
	} {
		if got := neighbourKey(tt.s, tt.k); got != tt.neighbour {
			t.Errorf("neighbourKey(%q, %q) = %v, want %v", tt.s, tt.k, got, tt.neighbour)
		}
		if got := innerDrop(tt.s, tt.k); got != tt.drop {
			t.Errorf("innerDrop(%q, %q) = %v, want %v", tt.s, tt.k, got, tt.drop)
		}
	}
}
