package miner

import (
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// why is what a miner costs whoever runs the image, said once for all
// findings of the family.
const why = "it uses the CPU of whoever runs the image for someone else's profit"

// fileEvidence points at a file read by a content check; the scanner fills
// in the layer. value lists the matched indicators, redacted.
func fileEvidence(e *facts.Entry, value string) report.Evidence {
	return report.Evidence{Path: "/" + e.Path, Value: redact.Text(value)}
}
