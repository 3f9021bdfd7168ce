package startup

import (
	"os"
	"testing"
)

// FuzzParse: any text parses without panicking, within the bounds, and
// every function span lies within the commands.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"nginx-entrypoint.sh", "10-listen-on-ipv6-by-default.sh"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{"a &\n(b; c) &", "f() { x & }\nf", "cat <<-E\n\tx\n\tE\n", "case x in a|b) y;; esac", "$((1+(2)))", "`a \\` b`", "'unterminated", "x=${a:-${b}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := parse(src)
		if len(s.cmds) > maxTokens {
			t.Fatalf("%d commands from %d tokens at most", len(s.cmds), maxTokens)
		}
		for name, sp := range s.funcs {
			if sp.start < 0 || sp.end > len(s.cmds) || sp.start > sp.end {
				t.Fatalf("function %q spans %v of %d commands", name, sp, len(s.cmds))
			}
		}
		for _, c := range s.cmds {
			unwrap(c.words)
		}
	})
}
