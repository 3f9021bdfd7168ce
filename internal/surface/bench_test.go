package surface

import (
	"fmt"
	"testing"
)

// BenchmarkFind measures a walk over a large merged filesystem: 100,000
// library files and a few hundred commands.
func BenchmarkFind(b *testing.B) {
	var entries []entry
	for i := range 100000 {
		entries = append(entries, file(fmt.Sprintf("usr/lib/pkg%d/mod%d/file%d.py", i%500, i%7, i)))
	}
	for i := range 300 {
		entries = append(entries, exe(fmt.Sprintf("usr/bin/tool%d", i)))
	}
	entries = append(entries, exe("bin/bash"), symlink("bin/sh", "bash"), exe("usr/bin/curl"), exe("usr/bin/python3.12"))
	m := newFS(entries)
	b.ResetTimer()
	for range b.N {
		if len(Find(m)) != 4 {
			b.Fatal("wrong components")
		}
	}
}
