package backdoor

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/customs-oss/customs/internal/redact"
)

const (
	// maxLineWindow bounds the text around a hit that the verifiers read,
	// so a megabyte-long line costs no more than a short one.
	maxLineWindow = 4 << 10
	// maxShown bounds a matched line in a finding.
	maxShown = 160
	// sniffLen is how many leading bytes decide whether a file is text.
	sniffLen = 512
)

// isText reports whether data looks like text worth reading line by line:
// no NUL byte in its first bytes and mostly printable.
func isText(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	return ctrl*10 < len(head)+1
}

// lineAt returns the bounds of the line holding pos, clipped to
// maxLineWindow bytes on each side.
func lineAt(data []byte, pos int) (int, int) {
	lo := max(0, pos-maxLineWindow)
	start := lo
	if i := bytes.LastIndexByte(data[lo:pos], '\n'); i >= 0 {
		start = lo + i + 1
	}
	hi := min(len(data), pos+maxLineWindow)
	end := hi
	if i := bytes.IndexByte(data[pos:hi], '\n'); i >= 0 {
		end = pos + i
	}
	return start, end
}

// windowAt returns up to n bytes on each side of pos, for detectors whose
// pieces spread over a few lines of a program.
func windowAt(data []byte, pos, n int) []byte {
	return data[max(0, pos-n):min(len(data), pos+n)]
}

// shown prepares text taken from an image for a finding: secrets redacted,
// control characters and runs of blanks folded, clipped to maxShown.
func shown(s string) string {
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "?")), " ")
	s = redact.Text(s)
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// lineNumber is the 1-based number of the line holding pos.
func lineNumber(data []byte, pos int) int {
	return bytes.Count(data[:pos], []byte{'\n'}) + 1
}
