package rpm

import (
	"encoding/binary"
	"fmt"
)

// rpm's ndb layout (lib/backend/ndb/rpmpkg.c): a 32-byte header, then
// slot pages of 16-byte slots, each slot pointing at a blob: a 16-byte
// blob header followed by the package header.
const (
	ndbMagic     = 'R' | 'p'<<8 | 'm'<<16 | 'P'<<24
	ndbSlotMagic = 'S' | 'l'<<8 | 'o'<<16 | 't'<<24
	ndbBlobMagic = 'B' | 'l'<<8 | 'b'<<16 | 'S'<<24
	ndbBlock     = 16
	// ndbMaxSlotPages is rpm's own bound on the slot pages.
	ndbMaxSlotPages = 2048
)

// readNDB calls fn with each package header of an ndb database.
func readNDB(data []byte, fn func([]byte) error) error {
	le := binary.LittleEndian
	if len(data) < 32 || le.Uint32(data) != ndbMagic || le.Uint32(data[4:]) != 0 {
		return fmt.Errorf("ndb: not an ndb database")
	}
	slotPages := uint64(le.Uint32(data[12:]))
	if slotPages == 0 || slotPages > ndbMaxSlotPages {
		return fmt.Errorf("ndb: %d slot pages", slotPages)
	}
	// The header takes the first two slots of the first page.
	slots := slotPages*4096/16 - 2
	if 32+slots*16 > uint64(len(data)) {
		return fmt.Errorf("ndb: %d slot pages past the end of the file", slotPages)
	}
	for i := range slots {
		s := data[32+i*16 : 48+i*16]
		if le.Uint32(s) != ndbSlotMagic {
			return fmt.Errorf("ndb: slot %d: bad magic", i)
		}
		pkg, blk := le.Uint32(s[4:]), uint64(le.Uint32(s[8:]))
		if pkg == 0 {
			continue
		}
		off := blk * ndbBlock
		if off+ndbBlock > uint64(len(data)) {
			return fmt.Errorf("ndb: package %d: blob at %d past the end of the file", pkg, off)
		}
		b := data[off : off+ndbBlock]
		if le.Uint32(b) != ndbBlobMagic || le.Uint32(b[4:]) != pkg {
			return fmt.Errorf("ndb: package %d: no blob at %d", pkg, off)
		}
		n := uint64(le.Uint32(b[12:]))
		if off+ndbBlock+n > uint64(len(data)) {
			return fmt.Errorf("ndb: package %d: blob of %d bytes past the end of the file", pkg, n)
		}
		if err := fn(data[off+ndbBlock : off+ndbBlock+n]); err != nil {
			return err
		}
	}
	return nil
}
