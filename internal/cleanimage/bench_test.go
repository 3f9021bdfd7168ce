package cleanimage

import (
	"context"
	"testing"

	"github.com/customs-oss/customs/internal/scan"
)

// BenchmarkInspectDebian inspects the Debian bookworm minbase image (one
// uncompressed 210 MB layer, built and cached as for TestDebian) and reports
// throughput in MB/s of uncompressed layer data: with every registered
// check, and with none, so that the difference is what the checks cost.
func BenchmarkInspectDebian(b *testing.B) {
	ref := layout(b, "debian:bookworm-minbase", debianConfig(),
		step{CreatedBy: "debootstrap --variant=minbase bookworm", Layer: tarLayer(b, debianTar(b))})
	all := options()
	none := options()
	none.Checks = nil
	for _, bb := range []struct {
		name string
		opt  scan.Options
	}{{"all-checks", all}, {"no-checks", none}} {
		b.Run(bb.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				r, err := scan.Inspect(context.Background(), ref, bb.opt)
				if err != nil {
					b.Fatal(err)
				}
				size = r.Image.Size
			}
			b.SetBytes(size)
		})
	}
}
