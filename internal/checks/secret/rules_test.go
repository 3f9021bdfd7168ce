package secret

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRulesLoad checks the shipped rules: every rule compiles under Go's
// RE2 engine, and the only rules the engine does not run are the ones
// another part of the package handles.
func TestRulesLoad(t *testing.T) {
	rs, err := builtinRules()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"private-key": handledElsewhere["private-key"],
		"pkcs12-file": handledElsewhere["pkcs12-file"],
	}
	if diff := cmp.Diff(want, rs.skipped); diff != "" {
		t.Errorf("skipped rules (-want +got):\n%s", diff)
	}
	if got := len(rs.rules); got != 222-2+len(extraRules()) {
		t.Errorf("%d rules compiled, want %d", got, 222-2+len(extraRules()))
	}
	byConfidence := map[confidence]int{}
	for _, r := range rs.rules {
		byConfidence[r.confidence]++
	}
	t.Logf("rules by confidence: generic %d, contextual %d, format %d", byConfidence[generic], byConfidence[contextual], byConfidence[format])
	if byConfidence[generic] == 0 || byConfidence[contextual] == 0 || byConfidence[format] == 0 {
		t.Errorf("a confidence class is empty: %v", byConfidence)
	}
}
