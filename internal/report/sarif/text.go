package sarif

import (
	"strings"

	"github.com/customs-oss/customs/internal/redact"
)

// oneLine folds line breaks and tabs into spaces: messages, titles and keys
// come from image content and must stay on one line in a viewer.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// truncate shortens s to at most n bytes without splitting a UTF-8 sequence,
// marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !startsRune(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func startsRune(b byte) bool { return b&0xC0 != 0x80 }

// maxRedact bounds how much of one string is scanned for secrets and shown:
// strings from an image can be megabytes long, and the secret patterns cost
// more than linear time on such input.
const maxRedact = 4096

// redacted is redact.Text over at most maxRedact bytes of s. When s is cut,
// the tail of the redacted text is dropped as well, so that a credential
// split by the cut, which the patterns no longer recognise, is not shown in
// part.
func redacted(s string) string {
	if len(s) <= maxRedact {
		return redact.Text(s)
	}
	// Text after the last replacement is copied verbatim, so a credential
	// cut short at the end of the scanned part ends the output: dropping
	// maxTokenLen bytes removes it whatever was replaced before.
	out := redact.Text(s[:maxRedact])
	if len(out) <= maxTokenLen+1 {
		return "…"
	}
	return truncate(out, len(out)-maxTokenLen)
}

// maxTokenLen is longer than any credential redact recognises by its shape.
const maxTokenLen = 300
