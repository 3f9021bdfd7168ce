package backdoor

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"encoding/hex"
	"io"
	"regexp"
	"strings"
)

const (
	// maxDecodeDepth bounds how many encodings inside encodings are undone.
	maxDecodeDepth = 3
	// maxDecoded bounds one decoded payload, and the encoded text read.
	maxDecoded = 1 << 20
	// minPayload is the shortest encoded run taken for a payload.
	minPayload = 16
)

var (
	// shellDecode is a shell decoder; shellRun is what runs its output.
	shellDecode = regexp.MustCompile(`\bbase64\s+(?:-[a-zA-Z]*[dD][a-zA-Z]*|--decode)\b|\bxxd\s+(?:-\S+\s+)*-r|\bopenssl\s+(?:enc\s+)?-?(?:base64|a)\s+-d`)
	shellRun    = regexp.MustCompile(`\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\S*/)?(?:(?:ba|z|k|da|a)?sh|python[0-9.]*|perl|ruby|php)\b|(?:\beval\b|\b(?:ba|z|k|da|a)?sh\s+-c)\s*["']?(?:\$\(|` + "`" + `)`)
	// langDecodeRun is a program that decodes a literal and runs it.
	langDecodeRun = regexp.MustCompile(`\b(?:exec|eval)\s*\(\s*(?:compile\s*\(\s*)?(?:(?:zlib|bz2|gzip)\.decompress\s*\(\s*)?(?:base64\.b64decode|__import__\(\s*['"]base64['"]\s*\)\.b64decode|b64decode|binascii\.unhexlify|bytes\.fromhex|codecs\.decode)\s*\(` +
		`|\beval\s*\(?\s*(?:decode_base64|MIME::Base64::decode)\s*\(` +
		`|\b(?:eval|assert)\s*\(\s*(?:(?:gzinflate|gzuncompress|gzdecode|str_rot13)\s*\(\s*)*base64_decode\s*\(`)
	b64Run = regexp.MustCompile(`[A-Za-z0-9+/_\-]{16,}={0,2}`)
	hexRun = regexp.MustCompile(`(?:\\x[0-9a-fA-F]{2}){8,}|[0-9a-fA-F]{16,}`)
)

// decodeRuns reports whether line decodes an encoded text and runs it.
func decodeRuns(line []byte) bool {
	if loc := shellDecode.FindIndex(line); loc != nil {
		return shellRun.Match(line[loc[1]:]) || shellRun.Match(line[:loc[0]])
	}
	return langDecodeRun.Match(line)
}

// payload decodes the longest encoded run of line: base64 (standard or URL
// alphabet) or hex, then gzip, zlib or raw deflate when the bytes say so.
// It returns nil when nothing decodes to text.
func payload(line []byte) []byte {
	var best []byte
	for _, re := range []*regexp.Regexp{b64Run, hexRun} {
		for _, m := range re.FindAll(line, 64) {
			if len(m) > len(best) {
				best = m
			}
		}
	}
	if len(best) < minPayload || len(best) > maxDecoded*2 {
		return nil
	}
	out := decodeRun(best)
	if out == nil {
		return nil
	}
	out = inflate(out)
	if !isText(out) {
		return nil
	}
	return out
}

func decodeRun(run []byte) []byte {
	s := string(run)
	if strings.HasPrefix(s, `\x`) {
		s = strings.ReplaceAll(s, `\x`, "")
	}
	if len(s)%2 == 0 && isHex(s) {
		if out, err := hex.DecodeString(s); err == nil {
			return out
		}
	}
	s = strings.TrimRight(s, "=")
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if out, err := enc.DecodeString(s); err == nil {
			return out
		}
	}
	// A run may end in bytes that are not part of the payload.
	if out, err := base64.RawStdEncoding.DecodeString(s[:len(s)/4*4]); err == nil {
		return out
	}
	return nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// inflate undoes gzip, zlib or raw deflate compression, bounded by
// maxDecoded, and returns data unchanged when it is not compressed.
func inflate(data []byte) []byte {
	var r io.Reader
	switch {
	case len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b:
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return data
		}
		r = zr
	case len(data) > 2 && data[0] == 0x78 && (uint16(data[0])<<8|uint16(data[1]))%31 == 0:
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return data
		}
		r = zr
	case !isText(data):
		r = flate.NewReader(bytes.NewReader(data))
	default:
		return data
	}
	out, err := io.ReadAll(io.LimitReader(r, maxDecoded))
	if err != nil && len(out) == 0 {
		return data
	}
	return out
}
