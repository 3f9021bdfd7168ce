package rpm

import (
	"encoding/binary"
	"strings"
	"testing"
)

// encodeNDB builds an ndb database of one slot page holding blobs.
func encodeNDB(blobs ...[]byte) []byte {
	le := binary.LittleEndian
	data := make([]byte, 4096)
	le.PutUint32(data, ndbMagic)
	le.PutUint32(data[12:], 1)
	for i := range 4096/16 - 2 {
		le.PutUint32(data[32+16*i:], ndbSlotMagic)
	}
	for i, b := range blobs {
		slot := data[32+16*i:]
		le.PutUint32(slot[4:], uint32(i+1))
		le.PutUint32(slot[8:], uint32(len(data)/ndbBlock))
		head := make([]byte, ndbBlock)
		le.PutUint32(head, ndbBlobMagic)
		le.PutUint32(head[4:], uint32(i+1))
		le.PutUint32(head[12:], uint32(len(b)))
		data = append(append(data, head...), b...)
		for len(data)%ndbBlock != 0 {
			data = append(data, 0)
		}
	}
	return data
}

func TestReadNDB(t *testing.T) {
	a := encodeHeader(str(tagName, "a"), str(tagVersion, "1"))
	good := encodeNDB(a, encodeHeader(str(tagName, "b"), str(tagVersion, "2")))
	badSlot := encodeNDB(a)
	binary.LittleEndian.PutUint32(badSlot[32+16*3:], 0)
	longBlob := encodeNDB(a)
	binary.LittleEndian.PutUint32(longBlob[4096+12:], 1<<31)
	wrongPkg := encodeNDB(a)
	binary.LittleEndian.PutUint32(wrongPkg[4096+4:], 7)
	manyPages := encodeNDB(a)
	binary.LittleEndian.PutUint32(manyPages[12:], ndbMaxSlotPages+1)
	tests := []struct {
		name    string
		data    []byte
		want    int
		wantErr string
	}{
		{"two packages", good, 2, ""},
		{"bad slot", badSlot, 1, "slot 3: bad magic"},
		{"blob past the end", longBlob, 0, "blob of 2147483648 bytes past the end"},
		{"blob of another package", wrongPkg, 0, "package 1: no blob"},
		{"too many slot pages", manyPages, 0, "2049 slot pages"},
		{"slot pages past the end", good[:2048], 0, "past the end of the file"},
		{"not ndb", []byte(strings.Repeat("x", 64)), 0, "not an ndb database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			err := readNDB(tt.data, func(blob []byte) error {
				if _, err := parseHeader(blob); err != nil {
					t.Errorf("header %d: %v", n, err)
				}
				n++
				return nil
			})
			if n != tt.want {
				t.Errorf("%d headers, want %d", n, tt.want)
			}
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
}
