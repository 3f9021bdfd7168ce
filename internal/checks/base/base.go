// Package base holds the checks of checklist item 8, "build from small
// bases": the base OS and its end of life, the tools left in the final
// filesystem, and the size of the image.
package base

import (
	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// Checks returns the constructors of the base checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		endOfLife(),
		osUnknown(),
		attackSurface(),
		largeImage(),
	}
}

// fileEvidence points at a file of the merged filesystem and the layer that
// put it there.
func fileEvidence(img *facts.Image, f *facts.File) report.Evidence {
	if f.Layer >= 0 && f.Layer < len(img.Layers) {
		return check.LayerEvidence(&img.Layers[f.Layer], f.Path, -1)
	}
	return report.Evidence{Path: "/" + f.Path}
}
