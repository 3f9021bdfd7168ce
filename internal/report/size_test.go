package report

import "testing"

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 B"}, {812, "812 B"}, {1023, "1023 B"}, {1024, "1.0 KiB"}, {1536, "1.5 KiB"},
		{7_740_416, "7.4 MiB"}, {1<<30 + 1<<29, "1.5 GiB"}, {1 << 40, "1.0 TiB"}, {1 << 62, "4.0 EiB"},
	}
	for _, tt := range tests {
		if got := HumanSize(tt.n); got != tt.want {
			t.Errorf("HumanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
