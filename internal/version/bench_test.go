package version

import "testing"

func BenchmarkCompare(b *testing.B) {
	cases := []struct{ eco, a, c string }{
		{"Debian", "1:2.30.2-1+deb11u2", "1:2.30.2-1~deb11u1"},
		{"Alpine", "1.1.1d-r0", "1.1.1c_rc2-r3"},
		{"Red Hat", "1:3.10.0-229.el7", "1:3.10.0-229.1.2.el7_1"},
		{"PyPI", "1.36.0rc1", "1.36.0.post2"},
		{"PyPI", "0.1-bulbasaur", "0.1-charmander"},
		{"Maven", "3.5.0.Beta-1", "3.5.0-Final"},
		{"RubyGems", "1.2.4.beta", "1.2.4"},
		{"npm", "1.2.3-beta.11", "1.2.3-rc.1"},
		{"NuGet", "1.0.0-BETA.X.y.5.77.0+AA", "1.0.0.1-alpha"},
		{"Go", "v0.0.0-20200101000000-abcdefabcdef", "go1.21rc2"},
	}
	for _, tc := range cases {
		b.Run(tc.eco, func(b *testing.B) {
			for b.Loop() {
				if _, err := Compare(tc.eco, tc.a, tc.c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
