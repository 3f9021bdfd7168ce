package config

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/redact"
	"github.com/customs-oss/customs/internal/report"
)

// maxValue bounds the text shown in evidence; the history step or config key
// next to it says where to read the rest.
const maxValue = 240

// stepEvidence points at history step i, and at the layer it made when
// there is one. value must already be redacted.
func stepEvidence(img *facts.Image, i int, value string) report.Evidence {
	ev := report.Evidence{HistoryStep: report.Int(i), ConfigKey: fmt.Sprintf("history[%d]", i), Value: clip(value)}
	if li, ok := img.LayerFor(i); ok {
		ev.Layer = report.Int(li)
		if l := layerAt(img, li); l != nil {
			ev.LayerDigest = l.Digest
		}
	}
	return ev
}

// layerAt returns the layer with index i.
func layerAt(img *facts.Image, i int) *facts.Layer {
	if i >= 0 && i < len(img.Layers) && img.Layers[i].Index == i {
		return &img.Layers[i]
	}
	for j := range img.Layers {
		if img.Layers[j].Index == i {
			return &img.Layers[j]
		}
	}
	return nil
}

// clip shortens text for evidence without splitting a character. Callers
// redact first, so that clipping never leaves part of a secret unmasked.
func clip(s string) string {
	if len(s) <= maxValue {
		return s
	}
	cut := maxValue
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// maxPerSource bounds the findings one check reports for one build step or
// start command, so that a step repeating a pattern thousands of times does
// not flood the report; the first ones say what needs fixing.
const maxPerSource = 16

// maxMasked bounds the secrets masked one by one in a text; a text with more
// is masked whole.
const maxMasked = 64

// safeText redacts shell text for evidence: first the secrets the shell
// analysis finds (curl -u user:pass, --password x, Authorization headers,
// build arguments), then everything internal/redact recognises. When a
// secret cannot be located in the text, the whole text is masked.
func safeText(s string) string {
	if len(s) > maxScript {
		s = s[:maxScript]
	}
	secrets := scriptSecrets(parseShell(s))
	if len(secrets) > maxMasked {
		return redact.Mask
	}
	for _, sec := range secrets {
		masked, ok := maskWord(s, sec.word, sec.value)
		if !ok {
			return redact.Mask
		}
		s = masked
	}
	return redactText(s)
}

// maskWord replaces the secret value inside each occurrence of word in s
// that stands as a whole shell word.
func maskWord(s, word, value string) (string, bool) {
	i := strings.LastIndex(word, value)
	if i < 0 || word == "" {
		return s, false
	}
	masked := word[:i] + redact.Value(value) + word[i+len(value):]
	var b strings.Builder
	found := false
	for {
		j := strings.Index(s, word)
		if j < 0 {
			b.WriteString(s)
			break
		}
		end := j + len(word)
		if wordBoundary(s, j-1) && wordBoundary(s, end) {
			b.WriteString(s[:j])
			b.WriteString(masked)
			found = true
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
	}
	return b.String(), found
}

// wordBoundary reports whether s[i] is outside s or separates shell words.
func wordBoundary(s string, i int) bool {
	return i < 0 || i >= len(s) || strings.IndexByte(" \t\r\n'\";&|()<>=", s[i]) >= 0
}

// safeEnv redacts NAME=value for evidence.
func safeEnv(kv string) string {
	name, value, ok := strings.Cut(kv, "=")
	if !ok {
		return redactText(kv)
	}
	if _, secret := classify(name, value); secret {
		return name + "=" + redact.Value(value)
	}
	return redact.Env(kv)
}
