package table

import (
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// maxValue bounds the offending value shown in the evidence line.
const maxValue = 80

// evidence lists what a person can check a finding against by hand, printed
// as "layer 3 sha256:3f1a2b3c4d5e · /tmp/.x/sh · history step 7 · hidden by
// layer 5 · config.Env[2] · value "…"".
func evidence(e report.Evidence) []string {
	var parts []string
	if e.Layer != nil {
		l := fmt.Sprintf("layer %d", *e.Layer)
		if e.LayerDigest != "" {
			l += " " + shortDigest(e.LayerDigest)
		}
		parts = append(parts, l)
	}
	if e.Path != "" {
		parts = append(parts, "/"+strings.TrimPrefix(clean(e.Path), "/"))
	}
	if e.HistoryStep != nil {
		parts = append(parts, fmt.Sprintf("history step %d", *e.HistoryStep))
	}
	if e.HiddenBy != nil {
		parts = append(parts, fmt.Sprintf("hidden by layer %d", *e.HiddenBy))
	}
	if e.ConfigKey != "" && !isStepKey(e) {
		parts = append(parts, clean(e.ConfigKey))
	}
	if e.Value != "" {
		parts = append(parts, "value "+quote(truncate(redacted(e.Value), maxValue)))
	}
	if e.Reference != "" {
		parts = append(parts, "reference "+clean(e.Reference))
	}
	return parts
}

// isStepKey reports whether the config key only repeats the history step,
// as in "history[3]" for step 3.
func isStepKey(e report.Evidence) bool {
	return e.HistoryStep != nil && e.ConfigKey == fmt.Sprintf("history[%d]", *e.HistoryStep)
}
