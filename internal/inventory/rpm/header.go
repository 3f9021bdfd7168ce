package rpm

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// The header tags the extractor reads, and their types (rpmtag.h).
const (
	tagName      = 1000
	tagVersion   = 1001
	tagRelease   = 1002
	tagEpoch     = 1003
	tagLicense   = 1014
	tagArch      = 1022
	tagSourceRPM = 1044

	typeInt32      = 4
	typeString     = 6
	typeI18NString = 9
)

// Bounds on one header: rpm itself refuses headers of more than 256 MiB
// or 16 Mi tags; a real one has a few hundred tags and a few hundred KiB.
const (
	maxHeader = 64 << 20
	maxTags   = 1 << 16
	maxString = 4 << 10
)

// header holds the tags of one installed package the extractor keeps.
type header struct {
	name, version, release, arch, sourceRPM, license string
	epoch                                            int
}

// parseHeader reads an rpm header blob as rpm stores it in its database:
// the count of index entries and the size of the data store (big-endian
// 32-bit), the entries (tag, type, offset, count), then the store.
func parseHeader(blob []byte) (header, error) {
	var h header
	if len(blob) > maxHeader {
		return h, fmt.Errorf("header of %d bytes, more than %d", len(blob), maxHeader)
	}
	if len(blob) < 8 {
		return h, errors.New("header shorter than its preamble")
	}
	il, dl := binary.BigEndian.Uint32(blob), binary.BigEndian.Uint32(blob[4:])
	if il == 0 || il > maxTags {
		return h, fmt.Errorf("header with %d tags", il)
	}
	start := 8 + 16*uint64(il)
	if start+uint64(dl) > uint64(len(blob)) {
		return h, fmt.Errorf("header of %d tags and %d data bytes truncated at %d bytes", il, dl, len(blob))
	}
	store := blob[start : start+uint64(dl)]
	seen := map[uint32]bool{}
	for i := range uint64(il) {
		ent := blob[8+16*i : 24+16*i]
		tag, typ := binary.BigEndian.Uint32(ent), binary.BigEndian.Uint32(ent[4:])
		off, count := binary.BigEndian.Uint32(ent[8:]), binary.BigEndian.Uint32(ent[12:])
		if seen[tag] {
			continue
		}
		if err := h.set(tag, typ, off, count, store); err != nil {
			return h, fmt.Errorf("tag %d: %w", tag, err)
		}
		seen[tag] = true
	}
	if h.name == "" || h.version == "" {
		return h, errors.New("header without a name or version")
	}
	return h, nil
}

// set records the tag if the extractor keeps it.
func (h *header) set(tag, typ, off, count uint32, store []byte) error {
	var dst *string
	switch tag {
	case tagEpoch:
		if typ != typeInt32 || count < 1 || uint64(off)+4 > uint64(len(store)) {
			return fmt.Errorf("epoch of type %d, count %d at offset %d", typ, count, off)
		}
		e := binary.BigEndian.Uint32(store[off:])
		if e > 1<<31-1 {
			return fmt.Errorf("epoch %d out of range", e)
		}
		h.epoch = int(e)
		return nil
	case tagName:
		dst = &h.name
	case tagVersion:
		dst = &h.version
	case tagRelease:
		dst = &h.release
	case tagArch:
		dst = &h.arch
	case tagSourceRPM:
		dst = &h.sourceRPM
	case tagLicense:
		dst = &h.license
	default:
		return nil
	}
	if typ != typeString && typ != typeI18NString {
		return fmt.Errorf("string of type %d", typ)
	}
	s, err := cString(store, off)
	if err != nil {
		return err
	}
	*dst = s
	return nil
}

// cString returns the NUL-terminated string at off in store.
func cString(store []byte, off uint32) (string, error) {
	if uint64(off) >= uint64(len(store)) {
		return "", fmt.Errorf("string at offset %d past the data store of %d bytes", off, len(store))
	}
	rest := store[off:]
	if len(rest) > maxString+1 {
		rest = rest[:maxString+1]
	}
	end := bytes.IndexByte(rest, 0)
	if end < 0 {
		return "", fmt.Errorf("string at offset %d unterminated or longer than %d bytes", off, maxString)
	}
	return string(rest[:end]), nil
}
