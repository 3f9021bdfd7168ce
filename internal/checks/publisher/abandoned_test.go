package publisher

import "testing"

func TestAbandonedWord(t *testing.T) {
	for desc, want := range map[string]string{
		"DEPRECATED: use acme/app2 instead":       "deprecated",
		"This image is no longer maintained.":     "no longer maintained",
		"Archived; see ghcr.io/acme/app":          "archived",
		"The official build of Nginx.":            "",
		"Do NOT use in production, moved to quay": "do not use",
		"": "",
	} {
		if got := abandonedWord(desc); got != want {
			t.Errorf("abandonedWord(%q) = %q, want %q", desc, got, want)
		}
	}
}
