package version

import "testing"

// TestMavenNotTransitive pins the cycles Maven's own order has, so that a
// change to the Maven rules that drops one of these Maven answers fails.
func TestMavenNotTransitive(t *testing.T) {
	cycles := [][3]string{
		{"1-snapshot", "1", "1.a"},
		{"1", "1-1", "1.0.alpha"},
		{"1.0.0", "1.0.0-gradle-rework-beta3", "1.0.0.RC7-3"},
	}
	for _, c := range cycles {
		for i := range c {
			a, b := c[i], c[(i+1)%len(c)]
			if got, err := Compare("Maven", a, b); err != nil || got != -1 {
				t.Errorf("Compare(Maven, %q, %q) = %d, %v; want -1", a, b, got, err)
			}
		}
	}
}

func TestMavenNullQualifier(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1", "1.!", -1},
		{"1", "1.sp", -1},
		{"1.alpha", "1", -1},
		{"1.0.0", "1.0.0.0", 0},
		{"1.0-final", "1", 0},
		{"1-ga-1", "1-1", 0},
		{"1.0.0-RC1", "1.0.0-cr1", 0},
	}
	for _, tt := range tests {
		if got, err := Compare("Maven", tt.a, tt.b); err != nil || got != tt.want {
			t.Errorf("Compare(Maven, %q, %q) = %d, %v; want %d", tt.a, tt.b, got, err, tt.want)
		}
	}
}
