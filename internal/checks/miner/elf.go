package miner

import (
	"bytes"
	"debug/elf"
	"strings"
)

// maxSections bounds the section table read from an executable.
const maxSections = 512

// elfData returns the parts of an ELF file where strings live: every
// section that is neither code nor debug information, unwind tables or Go's
// line tables. Machine code is most of an executable's bytes and holds no
// strings. ok is false when the section table cannot be read (a packed or
// truncated file, a hostile header): the caller then reads all of data.
func elfData(data []byte) (parts [][]byte, ok bool) {
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil || len(f.Sections) < 2 || len(f.Sections) > maxSections {
		return nil, false
	}
	for _, s := range f.Sections {
		if s.Type == elf.SHT_NOBITS || s.Type == elf.SHT_NULL || s.Flags&elf.SHF_EXECINSTR != 0 || skipSection(s.Name) {
			continue
		}
		end := s.Offset + s.FileSize
		if s.Offset > uint64(len(data)) || end > uint64(len(data)) || end < s.Offset {
			return nil, false
		}
		parts = append(parts, data[s.Offset:end])
	}
	return parts, true
}

func skipSection(name string) bool {
	return strings.HasPrefix(name, ".debug") || strings.HasPrefix(name, ".zdebug") || strings.HasPrefix(name, ".eh_frame") ||
		strings.HasPrefix(name, ".rela") || name == ".gopclntab" || name == ".dynsym" || name == ".symtab" || name == ".gnu.hash"
}

// scanELF scans the string-holding parts of an executable, or all of it.
func (m *matcher) scanELF(data []byte) hits {
	parts, ok := elfData(data)
	if !ok {
		return m.scan(data)
	}
	h := hits{m: m}
	for _, p := range parts {
		for _, x := range m.scan(p).list {
			if !h.has(x.pattern) && len(h.list) < maxHits {
				h.list = append(h.list, x)
			}
		}
	}
	return h
}
