package files

import (
	"fmt"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// shown renders an image path for a message: rooted, and redacted in case a
// file name carries a credential.
func shown(p string) string { return redact.Text("/" + p) }

// layerEvidence is check.LayerEvidence with the path redacted, like every
// string of the image that reaches a report.
func layerEvidence(layer *facts.Layer, p string, hiddenBy int) report.Evidence {
	ev := check.LayerEvidence(layer, p, hiddenBy)
	ev.Path = redact.Text(ev.Path)
	return ev
}

// hiddenNote is appended to the message of a finding about an entry that a
// later layer deleted or replaced: the entry is gone at run time, but its
// bytes still ship in its own layer.
func hiddenNote(layer *facts.Layer, hiddenBy int) string {
	if hiddenBy < 0 {
		return ""
	}
	return fmt.Sprintf("; layer %d deleted or replaced it, but it still ships in layer %d", hiddenBy, layer.Index)
}
