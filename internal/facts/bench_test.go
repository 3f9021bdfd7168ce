package facts

import (
	"fmt"
	"testing"
)

// BenchmarkApply measures merging layers into the filesystem view: three
// layers of 50,000 entries, the top one overwriting and deleting some.
func BenchmarkApply(b *testing.B) {
	layers := make([]*LayerFacts, 3)
	for l := range layers {
		lf := &LayerFacts{}
		for i := range 50000 {
			lf.Entries = append(lf.Entries, Entry{Path: fmt.Sprintf("usr/lib/pkg%d/mod%d/file%d", i%200, i%7, i+l*25000), Type: TypeFile, Mode: 0o644, Size: 100})
		}
		if l == 2 {
			for i := range 100 {
				lf.Whiteouts = append(lf.Whiteouts, Whiteout{Path: fmt.Sprintf("usr/lib/pkg%d", i)})
			}
		}
		layers[l] = lf
	}
	b.ResetTimer()
	for range b.N {
		fs := NewFS()
		for i, lf := range layers {
			fs.Apply(i, lf)
		}
		if fs.Len() == 0 {
			b.Fatal("empty filesystem")
		}
	}
}
