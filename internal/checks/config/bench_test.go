package config

import (
	"strings"
	"testing"
)

// BenchmarkHostileStep measures the analysis of a history step at the size
// bound, the cost every check pays per step of a hostile image.
func BenchmarkHostileStep(b *testing.B) {
	inputs := map[string]string{
		"words":         strings.Repeat("a ", maxScript/2),
		"substitutions": strings.Repeat("$(", maxScript/2),
		"pipes":         strings.Repeat("curl u | ", maxScript/9) + "sh",
		"secrets":       strings.Repeat("TOKEN=abcdefgh ", maxScript/15),
	}
	for name, s := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				st := parseStep("RUN " + s)
				_ = stepSecrets(st)
				sc := parseShell(st.text)
				_ = downloadRuns(sc)
				_ = tlsOff(sc)
			}
		})
	}
}
