package java

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// BenchmarkExtract reads a war holding 40 nested jars of 200 classes of 2 KiB each,
// the shape of a typical web application.
func BenchmarkExtract(b *testing.B) {
	rnd := rand.New(rand.NewPCG(1, 2))
	classes := []entry{text("META-INF/MANIFEST.MF", commonsIOManifest)}
	for i := range 200 {
		class := make([]byte, 2048)
		for j := range class {
			class[j] = byte(rnd.Uint32())
		}
		classes = append(classes, entry{name: fmt.Sprintf("com/example/C%d.class", i), data: class})
	}
	var outer []entry
	for i := range 40 {
		inner := jar(b, append(classes, pom("com.example", fmt.Sprintf("lib%d", i), "1.0"))...)
		outer = append(outer, entry{name: fmt.Sprintf("WEB-INF/lib/lib%d-1.0.jar", i), data: inner})
	}
	war := jar(b, outer...)
	e := &facts.Entry{Path: "app.war", Size: int64(len(war))}
	x := New()
	b.SetBytes(int64(len(war)))
	for b.Loop() {
		pkgs, err := x.Extract(context.Background(), e, war)
		if err != nil || len(pkgs) != 40 {
			b.Fatalf("%d packages, %v", len(pkgs), err)
		}
	}
}
