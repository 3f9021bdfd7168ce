package vulns

import (
	"context"
	"fmt"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// BenchmarkFind matches 1,000 Go modules and toolchains against the whole
// Go vulnerability database held in memory.
func BenchmarkFind(b *testing.B) {
	mem := NewMemory(goDatabase(b))
	modules := []string{"golang.org/x/text", "golang.org/x/net", "golang.org/x/crypto", "github.com/gin-gonic/gin", "google.golang.org/grpc", "stdlib", "github.com/example/none"}
	img := &facts.Image{}
	for i := range 1000 {
		m := modules[i%len(modules)]
		v := fmt.Sprintf("v0.%d.%d", i%20, i%7)
		if m == "stdlib" {
			v = fmt.Sprintf("go1.%d.%d", 16+i%8, i%5)
		}
		img.Packages = append(img.Packages, facts.Package{Type: "golang", Name: m, Version: v, Path: fmt.Sprintf("bin/app%d", i)})
	}
	n := 0
	for b.Loop() {
		ms, _, err := Find(context.Background(), mem, img)
		if err != nil {
			b.Fatal(err)
		}
		if len(ms) == 0 {
			b.Fatal("no matches")
		}
		n = len(ms)
	}
	b.ReportMetric(float64(n), "matches/op")
}
