package surface

import (
	"io/fs"

	"github.com/customs-oss/customs/internal/facts"
)

// entry is one tar entry of a test layer.
type entry struct {
	path, link string
	typ        facts.Type
	mode       fs.FileMode
	whiteout   bool
}

func exe(p string) entry  { return entry{path: p, typ: facts.TypeFile, mode: 0o755} }
func file(p string) entry { return entry{path: p, typ: facts.TypeFile, mode: 0o644} }
func dir(p string) entry  { return entry{path: p, typ: facts.TypeDir, mode: 0o755} }
func symlink(p, target string) entry {
	return entry{path: p, link: target, typ: facts.TypeSymlink, mode: 0o777}
}
func hardlink(p, target string) entry {
	return entry{path: p, link: target, typ: facts.TypeHardlink, mode: 0o755}
}
func whiteout(p string) entry { return entry{path: p, whiteout: true} }

// newFS merges layers of entries as the scanner does.
func newFS(layers ...[]entry) *facts.FS {
	m := facts.NewFS()
	for i, entries := range layers {
		lf := &facts.LayerFacts{}
		for _, e := range entries {
			if e.whiteout {
				lf.Whiteouts = append(lf.Whiteouts, facts.Whiteout{Path: e.path})
				continue
			}
			lf.Entries = append(lf.Entries, facts.Entry{Path: e.path, Type: e.typ, Mode: e.mode, Linkname: e.link})
		}
		m.Apply(i, lf)
	}
	return m
}
