package rpm

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tag is one header index entry to encode: a string, or an INT32 when
// str is empty and typ is typeInt32.
type tag struct {
	id, typ uint32
	str     string
	num     uint32
}

// encodeHeader builds a header blob as rpm stores it in its database.
func encodeHeader(tags ...tag) []byte {
	var index, store []byte
	for _, tg := range tags {
		off := uint32(len(store))
		if tg.typ == typeInt32 {
			for len(store)%4 != 0 {
				store = append(store, 0)
			}
			off = uint32(len(store))
			store = binary.BigEndian.AppendUint32(store, tg.num)
		} else {
			store = append(append(store, tg.str...), 0)
		}
		index = binary.BigEndian.AppendUint32(index, tg.id)
		index = binary.BigEndian.AppendUint32(index, tg.typ)
		index = binary.BigEndian.AppendUint32(index, off)
		index = binary.BigEndian.AppendUint32(index, 1)
	}
	blob := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	blob = binary.BigEndian.AppendUint32(blob, uint32(len(store)))
	return append(append(blob, index...), store...)
}

// unterminated is a header whose one string lacks its NUL.
func unterminated() []byte {
	b := encodeHeader(str(tagName, "a"))
	binary.BigEndian.PutUint32(b[4:], 1)
	return b[:len(b)-1]
}

func str(id uint32, s string) tag { return tag{id: id, typ: typeString, str: s} }

func TestParseHeader(t *testing.T) {
	nevra := []tag{str(tagName, "openssl-libs"), {id: tagEpoch, typ: typeInt32, num: 1}, str(tagVersion, "1.1.1l"), str(tagRelease, "2.fc35"), str(tagArch, "x86_64")}
	tests := []struct {
		name    string
		blob    []byte
		want    header
		wantErr string
	}{
		{
			name: "all tags",
			blob: encodeHeader(append(nevra, str(tagSourceRPM, "openssl-1.1.1l-2.fc35.src.rpm"), tag{id: tagLicense, typ: typeI18NString, str: "OpenSSL and ASL 2.0"})...),
			want: header{name: "openssl-libs", epoch: 1, version: "1.1.1l", release: "2.fc35", arch: "x86_64", sourceRPM: "openssl-1.1.1l-2.fc35.src.rpm", license: "OpenSSL and ASL 2.0"},
		},
		{
			name: "first of a repeated tag",
			blob: encodeHeader(str(tagName, "a"), str(tagVersion, "1"), str(tagName, "b")),
			want: header{name: "a", version: "1"},
		},
		{name: "no name", blob: encodeHeader(str(tagVersion, "1")), wantErr: "without a name"},
		{name: "preamble only", blob: []byte{0, 0, 0, 1}, wantErr: "shorter than its preamble"},
		{name: "no tags", blob: encodeHeader(), wantErr: "with 0 tags"},
		{name: "too many tags", blob: []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}, wantErr: "with 4294967295 tags"},
		{name: "truncated", blob: encodeHeader(nevra...)[:60], wantErr: "truncated"},
		{name: "string of the wrong type", blob: encodeHeader(tag{id: tagName, typ: typeInt32, num: 3}), wantErr: "string of type 4"},
		{name: "epoch of the wrong type", blob: encodeHeader(str(tagEpoch, "1")), wantErr: "epoch of type 6"},
		{name: "epoch out of range", blob: encodeHeader(tag{id: tagEpoch, typ: typeInt32, num: 1 << 31}), wantErr: "out of range"},
		{name: "unterminated string", blob: unterminated(), wantErr: "unterminated"},
		{name: "overlong string", blob: encodeHeader(str(tagName, strings.Repeat("a", maxString+1))), wantErr: "longer than 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHeader(tt.blob)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(header{})); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseHeader feeds hostile header blobs to the parser: it must not
// panic, and what it accepts is bounded and named.
func FuzzParseHeader(f *testing.F) {
	f.Add(encodeHeader(str(tagName, "a"), str(tagVersion, "1"), tag{id: tagEpoch, typ: typeInt32, num: 2}))
	f.Add(encodeHeader(str(tagName, "bash"), str(tagVersion, "5.1"), str(tagRelease, "1"), str(tagSourceRPM, "bash-5.1-1.src.rpm")))
	f.Fuzz(func(t *testing.T, blob []byte) {
		h, err := parseHeader(blob)
		if err != nil {
			return
		}
		if h.name == "" || h.version == "" || len(h.name) > maxString || len(h.license) > maxString || h.epoch < 0 {
			t.Fatalf("accepted %+v", h)
		}
	})
}
