package files

import (
	"context"
	"fmt"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
)

// BenchmarkChecks runs every files check over an image of 150,000 entries in
// three layers, the last deleting a tenth of them.
func BenchmarkChecks(b *testing.B) {
	var layers []*facts.LayerFacts
	for l := range 3 {
		lf := &facts.LayerFacts{}
		for i := range 50000 {
			lf.Entries = append(lf.Entries, facts.Entry{Path: fmt.Sprintf("usr/lib/pkg%d/.d%d/file%d", i%500, i%3, i+l*50000), Type: facts.TypeFile, Mode: 0o755, Size: 100})
		}
		if l == 2 {
			for i := range 50 {
				lf.Whiteouts = append(lf.Whiteouts, facts.Whiteout{Path: fmt.Sprintf("usr/lib/pkg%d", i)})
			}
		}
		layers = append(layers, lf)
	}
	img := imageOf(layers...)
	b.ResetTimer()
	for range b.N {
		for _, ctor := range Checks() {
			c := ctor()
			if fc, ok := c.(check.FileChecker); ok {
				for li := range img.Layers {
					for ei := range img.Layers[li].Facts.Entries {
						fc.CheckFile(&img.Layers[li], &img.Layers[li].Facts.Entries[ei], -1)
					}
				}
			}
			if ic, ok := c.(check.ImageChecker); ok {
				if _, err := ic.CheckImage(context.Background(), img); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
