package config

import (
	"context"
	"fmt"
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// layer is a test layer: the history step that made it, its entries, and
// the content the scanner would have collected.
type layer struct {
	step    int
	entries []facts.Entry
	files   map[string]string
}

// testImage builds image facts as the scanner would: history steps, the
// layers made by some of them, and the merged filesystem.
func testImage(cfg v1.Config, history []string, layers ...layer) *facts.Image {
	cf := &v1.ConfigFile{OS: "linux", Architecture: "amd64", Config: cfg}
	made := map[int]bool{}
	for _, l := range layers {
		made[l.step] = true
	}
	for i, h := range history {
		cf.History = append(cf.History, v1.History{CreatedBy: h, EmptyLayer: !made[i]})
	}
	img := &facts.Image{Config: cf, FS: facts.NewFS()}
	for i, l := range layers {
		lf := &facts.LayerFacts{Entries: l.entries, Files: map[string][]byte{}}
		for p, c := range l.files {
			lf.Files[p] = []byte(c)
			lf.Entries = append(lf.Entries, facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644, Size: int64(len(c))})
		}
		fl := facts.Layer{Index: i, Digest: fmt.Sprintf("sha256:%064d", i+1), HistoryStep: l.step, Facts: lf}
		if l.step >= 0 && l.step < len(history) {
			fl.CreatedBy = history[l.step]
		}
		img.Layers = append(img.Layers, fl)
		img.FS.Apply(i, lf)
	}
	return img
}

func regular(p string, mode fs.FileMode, size int64) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeFile, Mode: mode, Size: size}
}

func exe(p string) facts.Entry { return regular(p, 0o755, 100) }

func symlink(p, target string) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeSymlink, Mode: 0o777, Linkname: target}
}

// runCheck runs an image check and fails the test on error.
func runCheck(t *testing.T, ctor check.Constructor, img *facts.Image) []report.Finding {
	t.Helper()
	fs, err := checkImage(ctor, img)
	if err != nil {
		t.Fatalf("check failed: %v", err)
	}
	return fs
}

func checkImage(ctor check.Constructor, img *facts.Image) ([]report.Finding, error) {
	c, ok := ctor().(check.ImageChecker)
	if !ok {
		return nil, fmt.Errorf("%s is not an image checker", ctor().Info().ID)
	}
	return c.CheckImage(context.Background(), img)
}

// brief is the part of a finding most tests compare.
type brief struct {
	Severity report.Severity
	Message  string
}

func briefs(fs []report.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Message})
	}
	return out
}

// historyImage is an image whose history is the given steps, each made by
// a RUN with a layer so evidence has a layer to point at.
func historyImage(cfg v1.Config, history ...string) *facts.Image {
	var layers []layer
	for i := range history {
		layers = append(layers, layer{step: i})
	}
	return testImage(cfg, history, layers...)
}

// cmpFinding compares the fields a check decides per finding; the rest
// comes from its Info.
var cmpFinding = cmp.Transformer("finding", func(f report.Finding) brief3 {
	return brief3{f.Severity, f.Message, f.Evidence}
})

type brief3 struct {
	Severity report.Severity
	Message  string
	Evidence report.Evidence
}
