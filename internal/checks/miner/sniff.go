package miner

import "bytes"

// format is what the first bytes of a content say it is.
type format uint8

const (
	formatOther format = iota // binary data customs does not interpret
	formatText
	formatELF
	formatGzip
	formatZip
	formatTar
	formatWasm
)

// sniffLen is how many leading bytes decide whether a content is text.
const sniffLen = 1024

// sniff classifies data by its magic numbers; text is content without NUL
// bytes in its first kilobyte.
func sniff(data []byte) format {
	switch {
	case bytes.HasPrefix(data, []byte("\x7fELF")):
		return formatELF
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}):
		return formatGzip
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return formatZip
	case bytes.HasPrefix(data, []byte("\x00asm")):
		return formatWasm
	case len(data) >= 262 && string(data[257:262]) == "ustar":
		return formatTar
	}
	if bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0 {
		return formatOther
	}
	return formatText
}
