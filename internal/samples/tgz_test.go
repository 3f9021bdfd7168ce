package samples

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tgzEntry is one member of a test tarball.
type tgzEntry struct {
	Name    string
	Type    byte
	Content string
}

// makeTgz builds a gzip-compressed tar of entries.
func makeTgz(t testing.TB, entries ...tgzEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, e := range entries {
		typ := e.Type
		if typ == 0 {
			typ = tar.TypeReg
		}
		hdr := &tar.Header{Name: e.Name, Typeflag: typ, Mode: 0o644}
		if typ == tar.TypeReg {
			hdr.Size = int64(len(e.Content))
		}
		if typ == tar.TypeSymlink {
			hdr.Linkname = e.Content
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if typ == tar.TypeReg {
			if _, err := tw.Write([]byte(e.Content)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExtractTgz(t *testing.T) {
	small := tgzLimits{Compressed: 1 << 20, Member: 16, Entries: 3}
	tests := []struct {
		name    string
		tgz     []byte
		want    []string
		lim     tgzLimits
		files   map[string][]byte
		wantErr string
	}{
		{
			name:  "members found among others",
			tgz:   makeTgz(t, tgzEntry{Name: "package/a", Content: "A"}, tgzEntry{Name: "package/x", Content: "X"}, tgzEntry{Name: "package/b", Content: "BB"}),
			want:  []string{"package/a", "package/b"},
			lim:   small,
			files: map[string][]byte{"package/a": []byte("A"), "package/b": []byte("BB")},
		},
		{
			name:    "missing member",
			tgz:     makeTgz(t, tgzEntry{Name: "package/a", Content: "A"}),
			want:    []string{"package/a", "package/z"},
			lim:     small,
			wantErr: "missing package/z",
		},
		{
			name:    "member too large",
			tgz:     makeTgz(t, tgzEntry{Name: "package/a", Content: strings.Repeat("A", 17)}),
			want:    []string{"package/a"},
			lim:     small,
			wantErr: "more than the 16 allowed",
		},
		{
			name:    "symlink instead of file",
			tgz:     makeTgz(t, tgzEntry{Name: "package/a", Type: tar.TypeSymlink, Content: "/etc/passwd"}),
			want:    []string{"package/a"},
			lim:     small,
			wantErr: "not a regular file",
		},
		{
			name:    "too many entries",
			tgz:     makeTgz(t, tgzEntry{Name: "1"}, tgzEntry{Name: "2"}, tgzEntry{Name: "3"}, tgzEntry{Name: "package/a"}),
			want:    []string{"package/a"},
			lim:     small,
			wantErr: "more than 3 entries",
		},
		{
			name:    "not gzip",
			tgz:     []byte("plain text"),
			want:    []string{"package/a"},
			lim:     small,
			wantErr: "gzip",
		},
		{
			name:    "compressed size bound cuts the stream",
			tgz:     makeTgz(t, tgzEntry{Name: "package/a", Content: "A"}),
			want:    []string{"package/a"},
			lim:     tgzLimits{Compressed: 20, Member: 16, Entries: 3},
			wantErr: "unexpected EOF",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractTgz(bytes.NewReader(tt.tgz), tt.want, tt.lim)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.files, got); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzExtractTgz feeds arbitrary bytes, and tarballs with arbitrary member
// names, to the extractor: it must never panic, never return more than the
// limits allow, and return exactly the wanted members when it succeeds.
func FuzzExtractTgz(f *testing.F) {
	f.Add(makeTgz(f, tgzEntry{Name: "package/a", Content: "A"}), "package/a")
	f.Add(makeTgz(f, tgzEntry{Name: "package/a", Content: "A"}, tgzEntry{Name: "package/a", Content: "B"}), "package/a")
	f.Add(makeTgz(f, tgzEntry{Name: "package/a", Type: tar.TypeDir}), "package/a")
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}, "x")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		lim := tgzLimits{Compressed: 1 << 16, Member: 1 << 10, Entries: 64}
		got, err := extractTgz(bytes.NewReader(data), []string{name}, lim)
		if err != nil {
			return
		}
		if len(got) != 1 {
			t.Fatalf("got %d members, want 1", len(got))
		}
		if content, ok := got[name]; !ok || int64(len(content)) > lim.Member {
			t.Fatalf("member %q: present %v, %d bytes", name, ok, len(content))
		}
	})
}
