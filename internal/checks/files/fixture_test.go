package files

import (
	"context"
	"fmt"
	"io/fs"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// Entry shorthands for the tests.
func file(p string, mode fs.FileMode) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeFile, Mode: mode, Size: 100}
}
func sized(p string, size int64) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644, Size: size}
}
func dir(p string, mode fs.FileMode) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeDir, Mode: mode}
}
func node(p string, t facts.Type) facts.Entry { return facts.Entry{Path: p, Type: t, Mode: 0o666} }
func symlink(p, target string) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeSymlink, Mode: 0o777, Linkname: target}
}
func owned(e facts.Entry, uid, gid int) facts.Entry { e.UID, e.GID = uid, gid; return e }

const (
	setuidBit = fs.ModeSetuid
	setgidBit = fs.ModeSetgid
	sticky    = fs.ModeSticky
)

// lf is one layer's facts: whiteouts, then entries.
func lf(ws []facts.Whiteout, es ...facts.Entry) *facts.LayerFacts {
	return &facts.LayerFacts{Whiteouts: ws, Entries: es}
}

func rm(paths ...string) []facts.Whiteout {
	var out []facts.Whiteout
	for _, p := range paths {
		out = append(out, facts.Whiteout{Path: p})
	}
	return out
}

// imageOf merges layers into an image the way the scanner does. Layer i is
// made by history step 2*i, so that steps and indexes differ.
func imageOf(layers ...*facts.LayerFacts) *facts.Image {
	img := &facts.Image{FS: facts.NewFS()}
	for i, l := range layers {
		img.Layers = append(img.Layers, facts.Layer{Index: i, Digest: fmt.Sprintf("sha256:%064d", i), HistoryStep: 2 * i, Facts: l})
		img.FS.Apply(i, l)
	}
	return img
}

// run runs one check on img as the scanner does: file checks see every entry
// of every layer with the layer that hid it, image checks see the image.
func run(t *testing.T, ctor check.Constructor, img *facts.Image) []report.Finding {
	t.Helper()
	c := ctor()
	hidden := map[[2]string]int{}
	for _, h := range img.FS.Hidden() {
		hidden[[2]string{fmt.Sprint(h.Layer), h.Path}] = h.HiddenBy
	}
	var out []report.Finding
	if fc, ok := c.(check.FileChecker); ok {
		for li := range img.Layers {
			l := &img.Layers[li]
			for ei := range l.Facts.Entries {
				e := &l.Facts.Entries[ei]
				by, ok := hidden[[2]string{fmt.Sprint(li), e.Path}]
				if !ok {
					by = -1
				}
				out = append(out, fc.CheckFile(l, e, by)...)
			}
		}
	}
	if ic, ok := c.(check.ImageChecker); ok {
		fs, err := ic.CheckImage(context.Background(), img)
		if err != nil {
			t.Fatalf("%s: %v", c.Info().ID, err)
		}
		out = append(out, fs...)
	}
	for _, f := range out {
		if f.Check != c.Info().ID || f.Title == "" || f.Message == "" || f.Remediation == "" {
			t.Errorf("finding %+v does not carry its check's fields", f)
		}
	}
	report.SortFindings(out)
	return out
}

// brief is what the table tests compare: severity, path, the layers, and the
// message when a case wants to pin it.
type brief struct {
	Severity report.Severity
	Path     string
	Layer    int
	HiddenBy int
}

func briefs(fs []report.Finding) []brief {
	var out []brief
	for _, f := range fs {
		b := brief{Severity: f.Severity, Path: f.Evidence.Path, Layer: -1, HiddenBy: -1}
		if f.Evidence.Layer != nil {
			b.Layer = *f.Evidence.Layer
		}
		if f.Evidence.HiddenBy != nil {
			b.HiddenBy = *f.Evidence.HiddenBy
		}
		out = append(out, b)
	}
	return out
}

func messages(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Message)
	}
	return out
}
