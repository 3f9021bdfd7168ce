package backdoor

import (
	"strings"
)

// maxInner bounds the findings of a decoded payload named in a message.
const maxInner = 3

// describe says in words what a match found, including what an encoded
// payload decodes to.
func describe(m match) string {
	var b strings.Builder
	b.WriteString(m.why)
	if m.host != "" {
		b.WriteString(" from " + m.host)
	}
	if m.what != vEncoded {
		return b.String()
	}
	switch {
	case !m.decoded:
		b.WriteString("; the payload could not be decoded")
	case len(m.inner) == 0:
		b.WriteString("; it decodes to text with no known attack in it")
	default:
		b.WriteString("; it decodes to: ")
		for i, in := range m.inner {
			if i == maxInner {
				b.WriteString("; ...")
				break
			}
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(describe(in) + " (" + shown(string(in.line)) + ")")
		}
	}
	return b.String()
}

// consequence says why a match matters.
func consequence(m match) string {
	switch {
	case m.what == vReverseShell:
		return "whoever listens at the other end gets a shell in the container"
	case m.what == vMiner:
		return "a miner spends the CPU of whoever runs the image for someone else's profit"
	case m.malicious():
		return "the hidden payload is an attack"
	case m.what == vEncoded:
		return "code hidden in encoded text escapes review"
	}
	return "what runs is whatever the server sends that day, not what was inspected"
}
