package sarif

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// FingerprintKey names customs' entry in a result's partialFingerprints. The
// suffix changes if the fingerprint's inputs ever do.
const FingerprintKey = "customsFinding/v1"

// fingerprinter computes stable identities for the results of one run.
type fingerprinter struct {
	seen map[string]int
}

// next returns the fingerprint of f: a SHA-256 over the check ID and the
// evidence that locates the finding (path, config key, reference, layer
// diffID, history step, value). The message is left out so that rewording a
// check does not reopen its alerts. Findings with identical evidence get an
// occurrence suffix so that every result in a run has its own identity.
func (fp *fingerprinter) next(f report.Finding, img report.Image) string {
	e := f.Evidence
	layer := e.LayerDigest
	step := ""
	if e.Layer != nil {
		if d := diffID(img, *e.Layer); d != "" {
			layer = d
		}
	}
	if e.HistoryStep != nil {
		step = strconv.Itoa(*e.HistoryStep)
	}
	fields := []string{f.Check, e.Path, e.ConfigKey, e.Reference, layer, step, redacted(e.Value)}
	sum := sha256.Sum256([]byte(strings.Join(fields, "\x00")))
	id := hex.EncodeToString(sum[:16])
	fp.seen[id]++
	if n := fp.seen[id]; n > 1 {
		id += ":" + strconv.Itoa(n)
	}
	return id
}
