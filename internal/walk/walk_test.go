package walk

import (
	"archive/tar"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
)

// TestLayerEntries: what the pass makes of each kind of tar header.
func TestLayerEntries(t *testing.T) {
	long := strings.Repeat("d/", 150) + "file"
	for _, tc := range []struct {
		name          string
		format        tar.Format
		ents          []ent
		wantEntries   []facts.Entry
		wantWhiteouts []facts.Whiteout
	}{
		{
			name:   "every entry type",
			format: tar.FormatPAX,
			ents: []ent{
				hdr("etc/", tar.TypeDir, ""),
				reg("etc/passwd", "root:x:0:0::/root:/bin/sh\n"),
				hdr("bin", tar.TypeSymlink, "usr/bin"),
				hdr("etc/passwd-", tar.TypeLink, "etc/passwd"),
				hdr("dev/null", tar.TypeChar, ""),
				hdr("dev/sda", tar.TypeBlock, ""),
				hdr("run/fifo", tar.TypeFifo, ""),
				hdr("odd", 'Z', ""),
			},
			wantEntries: []facts.Entry{
				{Path: "etc", Type: facts.TypeDir, Mode: 0o755},
				{Path: "etc/passwd", Type: facts.TypeFile, Mode: 0o644, Size: 26},
				{Path: "bin", Type: facts.TypeSymlink, Mode: 0o755, Linkname: "usr/bin"},
				{Path: "etc/passwd-", Type: facts.TypeHardlink, Mode: 0o755, Linkname: "etc/passwd"},
				{Path: "dev/null", Type: facts.TypeCharDevice, Mode: 0o755},
				{Path: "dev/sda", Type: facts.TypeBlockDevice, Mode: 0o755},
				{Path: "run/fifo", Type: facts.TypeFIFO, Mode: 0o755},
				{Path: "odd", Type: facts.TypeOther, Mode: 0o755},
			},
		},
		{
			name:   "special mode bits and owners",
			format: tar.FormatUSTAR,
			ents: []ent{
				withMode(reg("usr/bin/passwd", "x"), 0o4755),
				withMode(reg("usr/bin/wall", "x"), 0o2755),
				withMode(hdr("tmp/", tar.TypeDir, ""), 0o1777),
				{hdr: tar.Header{Name: "home/app/f", Typeflag: tar.TypeReg, Mode: 0o600, Uid: 1000, Gid: 100}},
			},
			wantEntries: []facts.Entry{
				{Path: "usr/bin/passwd", Type: facts.TypeFile, Mode: 0o755 | fs.ModeSetuid, Size: 1},
				{Path: "usr/bin/wall", Type: facts.TypeFile, Mode: 0o755 | fs.ModeSetgid, Size: 1},
				{Path: "tmp", Type: facts.TypeDir, Mode: 0o777 | fs.ModeSticky},
				{Path: "home/app/f", Type: facts.TypeFile, Mode: 0o600, UID: 1000, GID: 100},
			},
		},
		{
			name:   "absolute and dotted names are taken from the root",
			format: tar.FormatPAX,
			ents: []ent{
				hdr("/", tar.TypeDir, ""),
				hdr("./", tar.TypeDir, ""),
				reg("/etc/hosts", ""),
				reg("./etc//hostname", ""),
				reg("///etc/./motd", ""),
				hdr("etc/localtime", tar.TypeLink, "/etc/hosts"),
				hdr("etc/link", tar.TypeSymlink, "../../../../etc/shadow"),
			},
			wantEntries: []facts.Entry{
				{Path: "etc/hosts", Type: facts.TypeFile, Mode: 0o644},
				{Path: "etc/hostname", Type: facts.TypeFile, Mode: 0o644},
				{Path: "etc/motd", Type: facts.TypeFile, Mode: 0o644},
				{Path: "etc/localtime", Type: facts.TypeHardlink, Mode: 0o755, Linkname: "etc/hosts"},
				// Symlink targets are kept raw: they are resolved inside the
				// image root, never on the host.
				{Path: "etc/link", Type: facts.TypeSymlink, Mode: 0o755, Linkname: "../../../../etc/shadow"},
			},
		},
		{
			name:   "whiteouts and opaque directories",
			format: tar.FormatPAX,
			ents: []ent{
				reg(".wh.top", ""),
				reg("etc/.wh.passwd", ""),
				reg("/var/cache/.wh..wh..opq", ""),
				reg(".wh..wh..opq", ""),
				reg("usr/.wh..wh.plnk", ""),
				hdr("srv/.wh.dir/", tar.TypeDir, ""),
			},
			wantWhiteouts: []facts.Whiteout{
				{Path: "top"},
				{Path: "etc/passwd"},
				{Path: "var/cache", Opaque: true},
				{Path: "", Opaque: true},
				{Path: "usr/.wh.plnk"},
				{Path: "srv/dir"},
			},
		},
		{
			name:   "global headers are skipped",
			format: tar.FormatPAX,
			ents: []ent{
				{hdr: tar.Header{Typeflag: tar.TypeXGlobalHeader, PAXRecords: map[string]string{"comment": "hello"}}},
				reg("a", "1"),
			},
			wantEntries: []facts.Entry{{Path: "a", Type: facts.TypeFile, Mode: 0o644, Size: 1}},
		},
		{
			name:        "PAX long names",
			format:      tar.FormatPAX,
			ents:        []ent{reg(long, "x")},
			wantEntries: []facts.Entry{{Path: long, Type: facts.TypeFile, Mode: 0o644, Size: 1}},
		},
		{
			name:        "GNU long names",
			format:      tar.FormatGNU,
			ents:        []ent{reg(long, "x"), hdr("l", tar.TypeSymlink, long)},
			wantEntries: []facts.Entry{{Path: long, Type: facts.TypeFile, Mode: 0o644, Size: 1}, {Path: "l", Type: facts.TypeSymlink, Mode: 0o755, Linkname: long}},
		},
		{
			name:   "duplicate names are all kept, in order",
			format: tar.FormatPAX,
			ents:   []ent{reg("a", "1"), reg("a", "22")},
			wantEntries: []facts.Entry{
				{Path: "a", Type: facts.TypeFile, Mode: 0o644, Size: 1},
				{Path: "a", Type: facts.TypeFile, Mode: 0o644, Size: 2},
			},
		},
		{
			name:   "name of exactly the longest length",
			format: tar.FormatPAX,
			ents:   []ent{reg(strings.Repeat("n", maxPathLen), "")},
			wantEntries: []facts.Entry{
				{Path: strings.Repeat("n", maxPathLen), Type: facts.TypeFile, Mode: 0o644},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw := tarOf(t, tc.format, tc.ents...)
			lf, err := Layer(context.Background(), plain(raw), testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantEntries, lf.Entries, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantWhiteouts, lf.Whiteouts, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("whiteouts (-want +got):\n%s", diff)
			}
			if lf.Size != int64(len(raw)) {
				t.Errorf("Size = %d, want %d", lf.Size, len(raw))
			}
			if lf.DiffID != sha(raw).String() {
				t.Errorf("DiffID = %s, want %s", lf.DiffID, sha(raw))
			}
		})
	}
}

// TestLayerCompression: the same tar, stored three ways, gives the same facts.
func TestLayerCompression(t *testing.T) {
	raw := tarOf(t, tar.FormatPAX, hdr("etc/", tar.TypeDir, ""), reg("etc/os-release", "ID=alpine\n"))
	var want *facts.LayerFacts
	for _, tc := range []struct {
		name   string
		stored []byte
	}{
		{"uncompressed", raw},
		{"gzip", imagetest.Gzip(t, raw)},
		{"zstd", imagetest.Zstd(t, raw)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lf, err := Layer(context.Background(), blob(tc.stored, raw), testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = lf
				return
			}
			if diff := cmp.Diff(want, lf); diff != "" {
				t.Errorf("facts differ from the uncompressed layer's (-want +got):\n%s", diff)
			}
		})
	}
}

// errKind names the class of an error, for table tests.
func errKind(err error) string {
	var unsafe *UnsafeError
	var limit *LimitError
	var digest *DigestError
	switch {
	case err == nil:
		return "none"
	case errors.As(err, &unsafe):
		return "unsafe"
	case errors.As(err, &limit):
		return "limit"
	case errors.As(err, &digest):
		return "digest"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return "other"
}
