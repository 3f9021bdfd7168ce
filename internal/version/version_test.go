package version

import (
	"errors"
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		eco, a, b string
		want      int
		wantErr   string // a substring of the error, "" for none
	}{
		{eco: "Alpine:v3.10", a: "1.1.1c-r0", b: "1.1.1d-r0", want: -1},
		{eco: "Debian:12", a: "1:1.0", b: "2.0", want: 1},
		{eco: "Ubuntu:22.04:LTS", a: "1.0~rc1", b: "1.0", want: -1},
		{eco: "Rocky Linux:9", a: "0:3.10.0-229.el7", b: "3.10.0-229.el7", want: 0},
		{eco: "Go", a: "go1.21rc2", b: "1.21.0-rc.2", want: 0},
		{eco: "Go", a: "go1.21", b: "v1.21.0", want: 0},
		{eco: "Go", a: "go1.9beta1", b: "go1.9", want: -1},
		{eco: "Go", a: "v0.0.0-20200101000000-abcdefabcdef", b: "v0.1.0", want: -1},
		{eco: "Go", a: "v2.0.0+incompatible", b: "v2.0.0", want: 0},
		{eco: "Go", a: "go1.21x", b: "1.0.0", wantErr: "comparing Go versions"},
		{eco: "npm", a: "banana", b: "1.0.0", wantErr: "comparing npm versions"},
		{eco: "crates.io", a: "1.0", b: "1.0.0", want: 0},
		{eco: "PyPI", a: "0.1-bulbasaur", b: "0.1", want: -1},
		{eco: "PyPI", a: "1.0.dev1", b: "1.0a1", want: -1},
		{eco: "Maven", a: "1.0-SNAPSHOT", b: "1.0", want: -1},
		{eco: "RubyGems", a: "1.0.0.rc1", b: "1.0.0", want: -1},
		{eco: "RubyGems", a: "1..0", b: "1.0", wantErr: "comparing RubyGems versions"},
		{eco: "Hex", a: "1.0.0", b: "1.0.1", wantErr: "unsupported ecosystem"},
		{eco: "PyPI", a: strings.Repeat("1", MaxLength+1), b: "1", wantErr: "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.eco+"/"+tt.a+"/"+tt.b, func(t *testing.T) {
			got, err := Compare(tt.eco, tt.a, tt.b)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Compare error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Compare(%q, %q, %q) = %d, want %d", tt.eco, tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestCompareUnsupported(t *testing.T) {
	if _, err := Compare("Hex", "1", "2"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Compare error = %v, want ErrUnsupported", err)
	}
}

func TestSupported(t *testing.T) {
	tests := map[string]bool{
		"Debian": true, "Debian:11": true, "Ubuntu:22.04:LTS": true, "Alpine:v3.10": true,
		"Red Hat": true, "Rocky Linux": true, "AlmaLinux:9": true, "openSUSE": true, "SUSE": true,
		"Mageia": true, "npm": true, "PyPI": true, "Maven": true, "RubyGems": true, "Go": true,
		"crates.io": true, "Packagist": false, "NuGet": true, "Hex": false, "": false, "debian": false,
	}
	for eco, want := range tests {
		if got := Supported(eco); got != want {
			t.Errorf("Supported(%q) = %v, want %v", eco, got, want)
		}
	}
}
