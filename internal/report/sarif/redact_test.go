package sarif

import (
	"strings"
	"testing"
)

func TestRedacted(t *testing.T) {
	const token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"
	for _, tc := range []struct {
		name, in string
		maxLen   int
	}{
		{"short", "token " + token, 100},
		{"token cut at the limit", strings.Repeat("a ", (maxRedact-20)/2) + token, maxRedact},
		{"private key to the end", "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Repeat("MIIE", 2000), maxRedact},
		{"long plain text", strings.Repeat("é", maxRedact), maxRedact + 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := redacted(tc.in)
			for i := 8; i <= len(token); i++ {
				if strings.Contains(got, token[:i]) {
					t.Fatalf("output shows %d characters of the token", i)
				}
			}
			if strings.Contains(got, "MIIEMIIE") {
				t.Error("output shows the private key")
			}
			if n := len(got); n > tc.maxLen {
				t.Errorf("output of %d runes, want at most %d", n, tc.maxLen)
			}
		})
	}
}
