package typosquat

import "testing"

func BenchmarkJudge(b *testing.B) {
	d := detector(b)
	for b.Loop() {
		if _, err := d.Judge("docker.io/someone/nginx-exporter:1.0"); err != nil {
			b.Fatal(err)
		}
	}
}
