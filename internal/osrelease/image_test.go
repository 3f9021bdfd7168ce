package osrelease

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// entry is one tar entry of a test layer.
type entry struct {
	path, content, link string
	typ                 facts.Type
	mode                fs.FileMode
	whiteout            bool
}

func file(p, content string) entry {
	return entry{path: p, content: content, typ: facts.TypeFile, mode: 0o644}
}
func exe(p string) entry { return entry{path: p, typ: facts.TypeFile, mode: 0o755} }
func dir(p string) entry { return entry{path: p, typ: facts.TypeDir, mode: 0o755} }
func symlink(p, target string) entry {
	return entry{path: p, link: target, typ: facts.TypeSymlink, mode: 0o777}
}
func hardlink(p, target string) entry {
	return entry{path: p, link: target, typ: facts.TypeHardlink, mode: 0o755}
}
func whiteout(p string) entry { return entry{path: p, whiteout: true} }

// release returns the content of a real os-release file kept in testdata.
func release(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "release", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// newImage builds the facts the scanner would produce for layers of
// entries, collecting the content of Files as the layer pass does.
func newImage(layers ...[]entry) *facts.Image {
	img := &facts.Image{FS: facts.NewFS()}
	for i, entries := range layers {
		lf := &facts.LayerFacts{Files: map[string][]byte{}}
		for _, e := range entries {
			if e.whiteout {
				lf.Whiteouts = append(lf.Whiteouts, facts.Whiteout{Path: e.path})
				continue
			}
			lf.Entries = append(lf.Entries, facts.Entry{Path: e.path, Type: e.typ, Mode: e.mode, Size: int64(len(e.content)), Linkname: e.link})
			if e.typ == facts.TypeFile && slices.Contains(Files, e.path) {
				lf.Files[e.path] = []byte(e.content)
			}
		}
		img.Layers = append(img.Layers, facts.Layer{Index: i, HistoryStep: -1, Facts: lf})
		img.FS.Apply(i, lf)
	}
	return img
}
