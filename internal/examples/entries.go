package examples

import (
	"archive/tar"
	"fmt"
	"strings"
)

// entry is one file of an example layer.
type entry struct {
	path     string
	mode     int64
	typ      byte
	content  string
	linkname string
	uid, gid int
}

func dir(p string) entry { return entry{path: p, mode: 0o755, typ: tar.TypeDir} }
func file(p, content string) entry {
	return entry{path: p, mode: 0o644, typ: tar.TypeReg, content: content}
}
func exe(p, content string) entry {
	return entry{path: p, mode: 0o755, typ: tar.TypeReg, content: content}
}
func link(p, target string) entry {
	return entry{path: p, mode: 0o777, typ: tar.TypeSymlink, linkname: target}
}
func whiteout(p string) entry           { return file(whiteoutName(p), "") }
func withMode(e entry, m int64) entry   { e.mode = m; return e }
func owned(e entry, uid, gid int) entry { e.uid, e.gid = uid, gid; return e }

func whiteoutName(p string) string {
	i := strings.LastIndexByte(p, '/')
	return p[:i+1] + ".wh." + p[i+1:]
}

// writeEntries writes entries to tw in order, with the fixed epoch.
func writeEntries(tw *tar.Writer, entries []entry) error {
	for _, e := range entries {
		hdr := &tar.Header{
			Name: e.path, Typeflag: e.typ, Mode: e.mode, Linkname: e.linkname,
			Uid: e.uid, Gid: e.gid, ModTime: Epoch, Format: tar.FormatPAX,
		}
		if e.typ == tar.TypeReg {
			hdr.Size = int64(len(e.content))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return fmt.Errorf("writing %q: %w", e.path, err)
		}
		if e.typ == tar.TypeReg {
			if _, err := tw.Write([]byte(e.content)); err != nil {
				return fmt.Errorf("writing %q: %w", e.path, err)
			}
		}
	}
	return nil
}
