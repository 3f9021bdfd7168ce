package check

import (
	"context"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// ImageFunc is the body of a metadata-only check.
type ImageFunc func(ctx context.Context, info Info, img *facts.Image) ([]report.Finding, error)

// Image adapts a function to an ImageChecker, so short rules need no type.
func Image(info Info, fn ImageFunc) Constructor {
	return func() Check { return imageCheck{info: info, fn: fn} }
}

type imageCheck struct {
	info Info
	fn   ImageFunc
}

func (c imageCheck) Info() Info { return c.info }

func (c imageCheck) CheckImage(ctx context.Context, img *facts.Image) ([]report.Finding, error) {
	return c.fn(ctx, c.info, img)
}

// FileFunc is the body of a header-only check.
type FileFunc func(info Info, layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding

// File adapts a function to a FileChecker.
func File(info Info, fn FileFunc) Constructor {
	return func() Check { return fileCheck{info: info, fn: fn} }
}

type fileCheck struct {
	info Info
	fn   FileFunc
}

func (c fileCheck) Info() Info { return c.info }

func (c fileCheck) CheckFile(layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
	return c.fn(c.info, layer, e, hiddenBy)
}

// LayerEvidence returns evidence pointing at entry path in layer, marked as
// hidden when hiddenBy is a later layer index (or -1 when visible).
func LayerEvidence(layer *facts.Layer, path string, hiddenBy int) report.Evidence {
	ev := report.Evidence{Layer: report.Int(layer.Index), LayerDigest: layer.Digest, Path: "/" + path}
	if hiddenBy >= 0 {
		ev.HiddenBy = report.Int(hiddenBy)
	}
	if layer.HistoryStep >= 0 {
		ev.HistoryStep = report.Int(layer.HistoryStep)
	}
	return ev
}
