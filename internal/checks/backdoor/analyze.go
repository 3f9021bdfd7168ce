package backdoor

import (
	"bytes"
	"regexp"
	"strings"
)

// verdict is what a detector found.
type verdict uint8

const (
	vReverseShell  verdict = iota // a shell handed to the network
	vDownloadExec                 // a download that is run
	vEncoded                      // an encoded payload that is decoded and run
	vRiskyDownload                // a download from a raw IP or throwaway host
	vMiner                        // a miner named where none belongs
)

// match is one detector hit in a text.
type match struct {
	what verdict
	pos  int    // where the line starts
	line []byte // the line (or window) that matched; shown redacted
	why  string // what the detector saw
	host string // why the download host is suspicious, if it is
	// inner are the matches in a decoded payload, and decoded whether
	// one was decoded at all.
	inner   []match
	decoded bool
}

// malicious reports whether a match is dangerous on its own wherever it is:
// a reverse shell, or a payload that decodes to something dangerous.
func (m match) malicious() bool {
	switch m.what {
	case vReverseShell, vMiner:
		return true
	case vEncoded:
		for _, in := range m.inner {
			if in.malicious() || in.what == vDownloadExec {
				return true
			}
		}
	}
	return false
}

// lineKinds is the set of detectors with a token in one line.
type lineKinds uint32

func (k lineKinds) has(x kind) bool { return k&(1<<x) != 0 }

// within returns the detectors with a token between start and end.
func (h *hits) within(start, end int) lineKinds {
	var k lineKinds
	for i := range numKinds {
		for _, p := range h.pos[i] {
			if p >= start && p < end {
				k |= 1 << i
				break
			}
		}
	}
	return k
}

// lineDetectors are the token kinds that start the line verifiers.
var lineDetectors = []kind{kDevTCP, kNetcat, kSocat, kFifo, kTelnet, kDownload, kDecode}

// afterLines is how much text after a download line is searched for the
// command that runs what it saved.
const afterLines = 1 << 10

// analyze runs every detector over text and returns what they found, at
// most one match per line. depth counts the decodings that led to text.
func (e *engine) analyze(text []byte, depth int) []match {
	return e.analyzeHits(text, e.scan(text), depth)
}

// analyzeHits is analyze with the tokens of text already found.
func (e *engine) analyzeHits(text []byte, h *hits, depth int) []match {
	var out []match
	seen := map[int]bool{}
	for _, k := range lineDetectors {
		for _, p := range h.pos[k] {
			start, end := lineAt(text, p)
			if seen[start] {
				continue
			}
			seen[start] = true
			if m, ok := e.checkLine(text, start, end, h.within(start, end), depth); ok {
				out = append(out, m)
			}
		}
	}
	for _, p := range h.pos[kSocket] {
		if !near(h.pos[kShell], p, socketWindow) {
			continue
		}
		w := windowAt(text, p, socketWindow)
		if why, ok := socketShell(w); ok {
			start, end := lineAt(text, p)
			if !seen[start] {
				out = append(out, match{what: vReverseShell, pos: start, line: text[start:end], why: why})
			}
			break
		}
	}
	return out
}

// checkLine verifies the candidate tokens of one line.
func (e *engine) checkLine(text []byte, start, end int, k lineKinds, depth int) (match, bool) {
	line := text[start:end]
	m := match{pos: start, line: line}
	if why, ok := reverseShellLine(line, k); ok {
		m.what, m.why = vReverseShell, why
		return m, true
	}
	if k.has(kDecode) && decodeRuns(line) {
		m.what, m.why = vEncoded, "an encoded payload is decoded and run"
		if depth < maxDecodeDepth {
			if p := payload(fullLine(text, start)); p != nil {
				m.decoded = true
				m.inner = e.analyze(p, depth+1)
				m.inner = append(m.inner, minerMatches(e, p)...)
			}
		}
		return m, true
	}
	if k.has(kDownload) {
		after := text[end:min(len(text), end+afterLines)]
		host, risky := riskiestHost(line)
		if why, ok := downloadExec(line, after); ok {
			m.what, m.why = vDownloadExec, why
			if risky {
				m.host = host
			}
			return m, true
		}
		if risky && !strings.HasPrefix(host, "the private") && fetchCommand.Match(line) {
			m.what, m.why, m.host = vRiskyDownload, "a file is downloaded", host
			return m, true
		}
	}
	return m, false
}

// fetchCommand is a download program used as a command.
var fetchCommand = regexp.MustCompile(`(?:^|[\s;&|('"/])(?:curl|wget|fetch|tftp|lwp-download)\s`)

// fullLine returns the whole line starting at start, up to twice
// maxDecoded bytes, for payloads longer than a verifier's window.
func fullLine(text []byte, start int) []byte {
	end := min(len(text), start+2*maxDecoded)
	if i := bytes.IndexByte(text[start:end], '\n'); i >= 0 {
		end = start + i
	}
	return text[start:end]
}

// near reports whether one of the positions is within n bytes of p.
func near(positions []int, p, n int) bool {
	for _, q := range positions {
		if q > p-n && q < p+n {
			return true
		}
	}
	return false
}
