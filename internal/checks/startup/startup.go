// Package startup holds the checks that follow what a container runs when
// it starts: from ENTRYPOINT and CMD through the shell scripts they run,
// source and exec, to the main process, and what is started in the
// background on the way.
package startup

import (
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// Checks returns the constructors of the startup checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		chainCheck(),
		background(),
		missingScript(),
	}
}

// evidence points at a site of the chain: the script and line, with the
// layer that added the script, or the start command's config key.
func evidence(img *facts.Image, at site, value string) report.Evidence {
	ev := report.Evidence{Value: clip(redact.Text(value))}
	if at.file == nil {
		ev.ConfigKey = startKey(img)
		return ev
	}
	ev.Path = at.path
	if l := at.file.Layer; l >= 0 && l < len(img.Layers) {
		ev.Layer, ev.LayerDigest = report.Int(l), img.Layers[l].Digest
		if s := img.Layers[l].HistoryStep; s >= 0 {
			ev.HistoryStep = report.Int(s)
		}
	}
	return ev
}

// startKey names the config field that starts the container.
func startKey(img *facts.Image) string {
	if img.Config != nil && len(img.Config.Config.Entrypoint) > 0 {
		return "config.Entrypoint"
	}
	return "config.Cmd"
}

// where names a site in a message: "/entrypoint.sh line 4".
func where(at site) string {
	if at.line > 0 {
		return at.path + " line " + itoa(at.line)
	}
	return at.path
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// clip bounds text taken from a script for a report.
func clip(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	s = s[:max]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
