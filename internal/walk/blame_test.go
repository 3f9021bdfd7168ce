package walk

import (
	"context"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/imagetest"
)

// TestCorruptBlobIsNamed: a compressed blob damaged in storage fails with a
// digest error naming the blob, not only the tar or gzip error it caused.
func TestCorruptBlobIsNamed(t *testing.T) {
	raw := tarOf(t, 0, reg("etc/os-release", strings.Repeat("ID=alpine\n", 200)))
	good := imagetest.Gzip(t, raw)
	tests := []struct {
		name    string
		corrupt func([]byte)
	}{
		{"header", func(b []byte) { b[3] ^= 0xff }},
		{"body", func(b []byte) { b[len(b)/2] ^= 0xff }},
		{"trailer", func(b []byte) { b[len(b)-5] ^= 0xff }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := append([]byte(nil), good...)
			tt.corrupt(bad)
			b := blob(good, raw)
			b.Open = blob(bad, raw).Open
			_, err := Layer(context.Background(), b, testOptions())
			if errKind(err) != "digest" {
				t.Fatalf("error %v, want a digest error", err)
			}
			if !strings.Contains(err.Error(), b.Digest.String()) {
				t.Errorf("error %q does not name blob %s", err, b.Digest)
			}
		})
	}
}
