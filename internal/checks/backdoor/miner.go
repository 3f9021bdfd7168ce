package backdoor

import (
	"regexp"

	"github.com/customs-oss/customs/internal/literals"
)

// minerName verifies a miner token on word boundaries, so that a miner's
// name inside a longer identifier does not count. The names are written
// backwards: see literals.Reversed.
var minerName = regexp.MustCompile(`(?i)(?:^|[^a-z0-9_])(?:(` + literals.Reversed(`renimbn|renimcc|thginotpyrc|renimonan|kats-rmx|renimupc|drenim|gnisnik|isfpmtvedk|girmx`) + `)(?:[^a-z0-9_]|$)|(` + literals.Reversed(`level-etanod--|//:)slt|lss|pct:?(+\?2mutarts`) + `))`)

// minerMatches returns the lines of text that name a miner. They matter
// where a miner has no business: a decoded payload or a start-up hook.
func minerMatches(e *engine, text []byte) []match {
	h := e.scan(text)
	return minerLines(text, h)
}

// maxMinerLines bounds the miner lines reported for one text.
const maxMinerLines = 4

func minerLines(text []byte, h *hits) []match {
	var out []match
	seen := map[int]bool{}
	for _, p := range h.pos[kMiner] {
		start, end := lineAt(text, p)
		if seen[start] {
			continue
		}
		seen[start] = true
		if sub := minerName.FindSubmatch(text[start:end]); sub != nil {
			name := sub[1]
			if len(name) == 0 {
				name = sub[2]
			}
			out = append(out, match{what: vMiner, pos: start, line: text[start:end], why: "it names the miner " + string(name)})
			if len(out) == maxMinerLines {
				break
			}
		}
	}
	return out
}
