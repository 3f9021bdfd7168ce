package base

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestLargeImage(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		name   string
		layers []layer
		want   []report.Finding
	}{
		{
			name:   "exactly 1 GiB is not large",
			layers: []layer{{size: 512 * mib, step: 0}, {size: 512 * mib, step: 1}},
		},
		{
			name: "largest three layers, largest first",
			layers: []layer{
				{size: 80 * mib, step: 0, createdBy: "ADD rootfs.tar.gz / # buildkit"},
				{size: 10 * mib, step: 2, createdBy: "COPY . /src"},
				{size: 700 * mib, step: 3, createdBy: "RUN apt-get update && apt-get install -y build-essential"},
				{size: 300 * mib, step: 5, createdBy: "RUN pip install -r requirements.txt"},
			},
			want: []report.Finding{largeImageInfo.New(
				"the image is 1.1 GiB uncompressed in 4 layers; largest: "+
					"layer 2 (700.0 MiB, step 3: RUN apt-get update && apt-get install -y build-essential), "+
					"layer 3 (300.0 MiB, step 5: RUN pip install -r requirements.txt), "+
					"layer 0 (80.0 MiB, step 0: ADD rootfs.tar.gz / # buildkit)",
				report.Evidence{Layer: report.Int(2), LayerDigest: "sha256:layer2", HistoryStep: report.Int(3), Value: "700.0 MiB"})},
		},
		{
			name: "history commands are redacted, flattened and shortened",
			layers: []layer{
				{size: 900 * mib, step: 1, createdBy: "RUN curl -H 'x' https://user:hunter2@example.com/big.tar \\\n\t| tar x\x1b[2J && echo " + strings.Repeat("x", 100)},
				{size: 200 * mib, step: -1},
			},
			want: []report.Finding{largeImageInfo.New(
				"the image is 1.1 GiB uncompressed in 2 layers; largest: "+
					"layer 0 (900.0 MiB, step 1: RUN curl -H 'x' https://user:[REDACTED]@example.com/big.tar \\ | tar x [2J && ech...), "+
					"layer 1 (200.0 MiB)",
				report.Evidence{Layer: report.Int(0), LayerDigest: "sha256:layer0", HistoryStep: report.Int(1), Value: "900.0 MiB"})},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, largeImage(), newImage(facts.OS{}, tt.layers...))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLargeImageWithoutFacts(t *testing.T) {
	img := newImage(facts.OS{}, layer{size: 1})
	img.Layers[0].Facts = nil
	if _, err := run(t, largeImage(), img); err == nil {
		t.Error("no error for a layer without facts")
	}
}
