package rpm

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Berkeley DB hash database layout, as rpm up to 4.15 wrote it
// (libdb's db_page.h): a metadata page, then hash pages whose entries
// point at chains of overflow pages holding the package headers.
const (
	bdbMagic         = 0x00061561
	bdbPageHeader    = 26
	bdbHashUnsorted  = 2  // hash page written before Berkeley DB 4.6
	bdbHashOffPage   = 3  // an entry whose value is on overflow pages
	bdbOverflow      = 7  // a page of an overflow chain
	bdbHash          = 13 // sorted hash page
	bdbOffPageLength = 12 // type, padding, page number, length
)

// readBDB calls fn with each package header of a Berkeley DB hash
// database, following each overflow chain at most once per page.
func readBDB(data []byte, fn func([]byte) error) error {
	if len(data) < 512 {
		return errors.New("berkeley db: shorter than its metadata page")
	}
	order := binary.ByteOrder(binary.LittleEndian)
	switch {
	case binary.LittleEndian.Uint32(data[12:]) == bdbMagic:
	case binary.BigEndian.Uint32(data[12:]) == bdbMagic:
		order = binary.BigEndian
	default:
		return errors.New("berkeley db: not a hash database")
	}
	if data[24] != 0 {
		return errors.New("berkeley db: encrypted")
	}
	pageSize := uint64(order.Uint32(data[20:]))
	if pageSize < 512 || pageSize > 64<<10 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("berkeley db: page size %d", pageSize)
	}
	pages := uint64(len(data)) / pageSize
	last := uint64(order.Uint32(data[32:]))
	if last >= pages {
		return fmt.Errorf("berkeley db: last page %d past the end of the file of %d pages", last, pages)
	}
	db := bdb{data: data, order: order, pageSize: pageSize, pages: last + 1}
	for n := range db.pages {
		if err := db.hashPage(n, fn); err != nil {
			return err
		}
	}
	return nil
}

// bdb is a Berkeley DB file being read.
type bdb struct {
	data            []byte
	order           binary.ByteOrder
	pageSize, pages uint64
	// read counts the bytes of every value read: each overflow page
	// belongs to one value, so a database whose values add up to more
	// than its size reuses pages to make the read quadratic.
	read uint64
}

// page returns page n.
func (db *bdb) page(n uint64) []byte { return db.data[n*db.pageSize : (n+1)*db.pageSize] }

// hashPage calls fn with the value of each off-page entry of page n, if it
// is a hash page. Entries are key/value pairs; only values matter.
func (db *bdb) hashPage(n uint64, fn func([]byte) error) error {
	p := db.page(n)
	if typ := p[25]; typ != bdbHash && typ != bdbHashUnsorted {
		return nil
	}
	entries := uint64(db.order.Uint16(p[20:]))
	if entries%2 != 0 || bdbPageHeader+2*entries > db.pageSize {
		return fmt.Errorf("berkeley db: page %d: %d entries", n, entries)
	}
	for i := uint64(1); i < entries; i += 2 {
		off := uint64(db.order.Uint16(p[bdbPageHeader+2*i:]))
		if off >= db.pageSize {
			return fmt.Errorf("berkeley db: page %d: entry at %d past the page", n, off)
		}
		if p[off] != bdbHashOffPage {
			continue
		}
		if off+bdbOffPageLength > db.pageSize {
			return fmt.Errorf("berkeley db: page %d: off-page entry at %d past the page", n, off)
		}
		value, err := db.overflow(uint64(db.order.Uint32(p[off+4:])), uint64(db.order.Uint32(p[off+8:])))
		if err != nil {
			return fmt.Errorf("berkeley db: page %d entry %d: %w", n, i, err)
		}
		if err := fn(value); err != nil {
			return err
		}
	}
	return nil
}

// overflow returns the value of length bytes stored on the chain of
// overflow pages that starts at page n; no chain is longer than the
// database. The length, from the file, only sizes the first allocation.
func (db *bdb) overflow(n, length uint64) ([]byte, error) {
	value := make([]byte, 0, min(length, maxHeader, uint64(len(db.data))-db.read))
	for steps := uint64(0); n != 0; steps++ {
		if steps == db.pages || n >= db.pages {
			return nil, fmt.Errorf("overflow chain loops or leaves the database at page %d", n)
		}
		p := db.page(n)
		if p[25] != bdbOverflow {
			return nil, fmt.Errorf("overflow chain reaches page %d of type %d", n, p[25])
		}
		next := uint64(db.order.Uint32(p[16:]))
		body := p[bdbPageHeader:]
		if next == 0 {
			used := uint64(db.order.Uint16(p[22:]))
			if used > uint64(len(body)) {
				return nil, fmt.Errorf("overflow page %d holds %d bytes, more than a page", n, used)
			}
			body = body[:used]
		}
		if len(value)+len(body) > maxHeader {
			return nil, fmt.Errorf("value longer than %d bytes", maxHeader)
		}
		db.read += uint64(len(body))
		if db.read > uint64(len(db.data)) {
			return nil, errors.New("overflow pages shared between values")
		}
		value = append(value, body...)
		n = next
	}
	return value, nil
}
