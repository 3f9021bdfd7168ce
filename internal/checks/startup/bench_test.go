package startup

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkParse measures the script parser on the nginx entrypoint and its
// ipv6 script, repeated to 64 KiB (the largest script collected).
func BenchmarkParse(b *testing.B) {
	var src strings.Builder
	for src.Len() < 64<<10 {
		for _, name := range []string{"nginx-entrypoint.sh", "10-listen-on-ipv6-by-default.sh"} {
			data, err := os.ReadFile("testdata/" + name)
			if err != nil {
				b.Fatal(err)
			}
			src.Write(data)
		}
	}
	text := src.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		parse(text)
	}
}

// BenchmarkParseHostile: unbalanced quotes and expansions stay linear.
func BenchmarkParseHostile(b *testing.B) {
	text := strings.Repeat("$( ' ` \" ${ ( << EOF\n", 4<<10)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		parse(text)
	}
}
