package base

import (
	"context"
	"fmt"
	"io/fs"
	"testing"
	"time"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/surface"
)

// reviewDay is the inspection day of most tests.
var reviewDay = time.Date(2026, 11, 15, 12, 0, 0, 0, time.UTC)

// entry is one tar entry of a test layer.
type entry struct {
	path, content, link string
	typ                 facts.Type
	mode                fs.FileMode
}

func file(p, content string) entry {
	return entry{path: p, content: content, typ: facts.TypeFile, mode: 0o644}
}
func exe(p string) entry { return entry{path: p, typ: facts.TypeFile, mode: 0o755} }
func symlink(p, target string) entry {
	return entry{path: p, link: target, typ: facts.TypeSymlink, mode: 0o777}
}

// layer is a test layer: its entries, uncompressed size and the history step
// that made it.
type layer struct {
	entries   []entry
	size      int64
	step      int
	createdBy string
}

// newImage builds the facts of an image from its layers, as the scanner
// would: layer i has digest sha256:layer<i>, and regular files' content is
// collected.
func newImage(os facts.OS, layers ...layer) *facts.Image {
	img := &facts.Image{FS: facts.NewFS(), OS: os, Now: reviewDay}
	for i, l := range layers {
		lf := &facts.LayerFacts{Size: l.size, Files: map[string][]byte{}}
		for _, e := range l.entries {
			lf.Entries = append(lf.Entries, facts.Entry{Path: e.path, Type: e.typ, Mode: e.mode, Size: int64(len(e.content)), Linkname: e.link})
			if e.typ == facts.TypeFile && e.content != "" {
				lf.Files[e.path] = []byte(e.content)
			}
		}
		img.Layers = append(img.Layers, facts.Layer{
			Index: i, Digest: fmt.Sprintf("sha256:layer%d", i), HistoryStep: l.step, CreatedBy: l.createdBy, Facts: lf,
		})
		img.FS.Apply(i, lf)
	}
	img.Surface = surface.Find(img.FS) // as the scanner does after the merge
	return img
}

// run runs the image check made by ctor on img.
func run(t *testing.T, ctor check.Constructor, img *facts.Image) ([]report.Finding, error) {
	t.Helper()
	c, ok := ctor().(check.ImageChecker)
	if !ok {
		t.Fatal("not an image check")
	}
	return c.CheckImage(context.Background(), img)
}

// layerEvidence is the evidence of a file in layer i of newImage.
func layerEvidence(i, step int, path string) report.Evidence {
	return report.Evidence{Layer: report.Int(i), LayerDigest: fmt.Sprintf("sha256:layer%d", i), Path: path, HistoryStep: report.Int(step)}
}
