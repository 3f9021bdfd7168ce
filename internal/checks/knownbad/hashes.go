package knownbad

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// headSize is how much of a large file the first-MiB hash covers. Files
// larger than the content window the scanner reads are recognised by their
// exact size and the hash of this prefix.
const headSize = 1 << 20

// badFile is one known file.
type badFile struct {
	SHA256 string // of the whole file, lower-case hex
	Size   int64
	// Head is the sha256 of the first headSize bytes, or "" when the file is
	// no larger than that.
	Head   string
	Name   string
	Source string
}

// hashList holds the known files by size: a file can only match an entry of
// its own size, so only files of a listed size are hashed at all.
type hashList map[int64][]badFile

// parseHashes reads the tab-separated list: sha256, size, first-MiB sha256
// (or -), name, source. Lines starting with # are comments.
func parseHashes(data []byte) (hashList, error) {
	l := hashList{}
	if len(data) > maxListSize {
		return l, fmt.Errorf("hash list is %d bytes, more than %d", len(data), maxListSize)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxListSize)
	for n := 1; sc.Scan(); n++ {
		if n > maxListLines {
			return l, fmt.Errorf("hash list has more than %d lines", maxListLines)
		}
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		b, err := parseHashLine(line)
		if err != nil {
			return l, fmt.Errorf("hash list line %d: %w", n, err)
		}
		l[b.Size] = append(l[b.Size], b)
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("reading hash list: %w", err)
	}
	return l, nil
}

func parseHashLine(line string) (badFile, error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 5 {
		return badFile{}, fmt.Errorf("%d columns, want 5", len(cols))
	}
	b := badFile{SHA256: strings.ToLower(cols[0]), Head: strings.ToLower(cols[2]), Name: strings.TrimSpace(cols[3]), Source: strings.TrimSpace(cols[4])}
	if !isSHA256(b.SHA256) {
		return b, fmt.Errorf("%q is not a sha256", cols[0])
	}
	size, err := strconv.ParseInt(cols[1], 10, 64)
	if err != nil || size <= 0 {
		return b, fmt.Errorf("size %q is not a positive number", cols[1])
	}
	b.Size = size
	switch {
	case size <= headSize && b.Head != "-":
		return b, fmt.Errorf("first-MiB hash given for a file of %d bytes: write -", size)
	case size <= headSize:
		b.Head = ""
	case !isSHA256(b.Head):
		return b, fmt.Errorf("first-MiB hash %q is not a sha256", cols[2])
	}
	if b.Name == "" || b.Source == "" {
		return b, fmt.Errorf("an entry needs a name and a source")
	}
	return b, nil
}

func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}
