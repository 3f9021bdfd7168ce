package rpm

import (
	"encoding/binary"
	"os"
	"strings"
	"testing"
)

// TestReadBDBChains damages the overflow chains of a real Berkeley DB:
// a chain that loops, or leads to a page that is not an overflow page,
// ends the read with an error where a naive reader would never stop.
func TestReadBDBChains(t *testing.T) {
	orig, err := os.ReadFile("testdata/bdb/Packages")
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	if got := binary.LittleEndian.Uint32(orig[20:]); got != pageSize {
		t.Fatalf("page size %d", got)
	}
	// first is the first overflow page with a successor.
	first := -1
	for n := 1; n < len(orig)/pageSize; n++ {
		p := orig[n*pageSize:]
		if p[25] == bdbOverflow && binary.LittleEndian.Uint32(p[16:]) != 0 {
			first = n
			break
		}
	}
	if first < 0 {
		t.Fatal("no overflow chain")
	}
	next := int(binary.LittleEndian.Uint32(orig[first*pageSize+16:]))
	tests := []struct {
		name    string
		damage  func(d []byte)
		wantErr string
	}{
		{"loop", func(d []byte) { binary.LittleEndian.PutUint32(d[next*pageSize+16:], uint32(first)) }, "loops"},
		{"self loop", func(d []byte) { binary.LittleEndian.PutUint32(d[first*pageSize+16:], uint32(first)) }, "loops"},
		{"not an overflow page", func(d []byte) { d[next*pageSize+25] = 5 }, "of type 5"},
		{"past the end", func(d []byte) { binary.LittleEndian.PutUint32(d[first*pageSize+16:], 1<<20) }, "leaves the database"},
		{"oversized last page", func(d []byte) {
			binary.LittleEndian.PutUint32(d[first*pageSize+16:], 0)
			binary.LittleEndian.PutUint16(d[first*pageSize+22:], pageSize)
		}, "more than a page"},
		{"last page past the file", func(d []byte) { binary.LittleEndian.PutUint32(d[32:], 1<<30) }, "past the end of the file"},
		{"page size", func(d []byte) { binary.LittleEndian.PutUint32(d[20:], 3000) }, "page size 3000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := append([]byte(nil), orig...)
			tt.damage(d)
			err := readBDB(d, func([]byte) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// encodeBDB builds a little-endian Berkeley DB hash database of 512-byte
// pages holding values: a metadata page, one hash page of key/value
// pairs, then each value on its own chain of overflow pages.
func encodeBDB(values ...[]byte) []byte {
	const ps = 512
	le := binary.LittleEndian
	body := ps - bdbPageHeader
	var chains [][]byte
	hash := make([]byte, ps)
	hash[25] = bdbHash
	le.PutUint16(hash[20:], uint16(2*len(values)))
	next := uint32(2)
	for i, v := range values {
		// The key is an empty key/data item; the value an off-page entry.
		keyOff, valOff := ps-2-12*(i+1)-1, ps-12*(i+1)
		hash[keyOff] = 1
		le.PutUint16(hash[bdbPageHeader+4*i:], uint16(keyOff))
		le.PutUint16(hash[bdbPageHeader+4*i+2:], uint16(valOff))
		hash[valOff] = bdbHashOffPage
		le.PutUint32(hash[valOff+4:], next)
		le.PutUint32(hash[valOff+8:], uint32(len(v)))
		for rest := v; ; {
			p := make([]byte, ps)
			p[25] = bdbOverflow
			n := min(len(rest), body)
			copy(p[bdbPageHeader:], rest[:n])
			rest = rest[n:]
			next++
			if len(rest) == 0 {
				le.PutUint16(p[22:], uint16(n))
				chains = append(chains, p)
				break
			}
			le.PutUint32(p[16:], next)
			chains = append(chains, p)
		}
	}
	meta := make([]byte, ps)
	le.PutUint32(meta[12:], bdbMagic)
	le.PutUint32(meta[20:], ps)
	le.PutUint32(meta[32:], uint32(1+len(chains)))
	meta[25] = 8
	data := append(meta, hash...)
	for _, p := range chains {
		data = append(data, p...)
	}
	return data
}

func TestEncodeBDB(t *testing.T) {
	want := []string{"a", "bash", strings.Repeat("x", 1500)}
	var values [][]byte
	for _, w := range want {
		values = append(values, encodeHeader(str(tagName, w), str(tagVersion, "1")))
	}
	var got []string
	err := readBDB(encodeBDB(values...), func(blob []byte) error {
		h, err := parseHeader(blob)
		if err != nil {
			return err
		}
		got = append(got, h.name)
		return nil
	})
	if err != nil || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("read %q, %v; want %q", got, err, want)
	}
}
