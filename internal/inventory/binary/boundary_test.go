package binary

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

const fakeMod = "path\texample.com/tool\nmod\texample.com/tool\tv1.4.0\th1:abc=\ndep\tgolang.org/x/net\tv0.17.0\th1:def=\n"

var fakeModPackages = []facts.Package{
	{Type: "golang", Name: "stdlib", Version: "go1.21.3"},
	{Type: "golang", Name: "example.com/tool", Version: "v1.4.0"},
	{Type: "golang", Name: "golang.org/x/net", Version: "v0.17.0"},
}

// boundaryOffsets are 16-byte aligned offsets around the places where the
// scanner's window ends and slides.
func boundaryOffsets() []int {
	var offs []int
	for _, base := range []int{chunkSize, 2 * chunkSize, chunkSize - lookahead, chunkSize + lookahead} {
		for d := -64; d <= 64; d += 16 {
			offs = append(offs, base+d)
		}
	}
	return append(offs, 16, 4096)
}

func TestGoHeaderAtBoundaries(t *testing.T) {
	blob := fakeGoHeader("go1.21.3", fakeMod)
	for _, at := range boundaryOffsets() {
		data := fakeELF(3*chunkSize, at, blob, uint64(at))
		for _, max := range []int{1 << 20, 977} {
			got, err := stream(t, data, uint64(at), max)
			if err != nil {
				t.Fatalf("at %d: %v", at, err)
			}
			if diff := cmp.Diff(fakeModPackages, got); diff != "" {
				t.Errorf("at %d, reads up to %d: (-want +got):\n%s", at, max, diff)
			}
		}
	}
}

func TestGoHeaders(t *testing.T) {
	misaligned := fakeELF(64<<10, 4104, fakeGoHeader("go1.21.3", fakeMod), 1)
	// The magic at a misaligned offset is a literal, not a header; the
	// real header follows.
	copy(misaligned[8192:], fakeGoHeader("go1.21.3", fakeMod))
	old := append(append([]byte{}, goMagic...), 8, 0)
	for _, tc := range []struct {
		name    string
		data    []byte
		want    []facts.Package
		wantErr error
	}{
		{name: "after a misaligned literal", data: misaligned, want: fakeModPackages},
		{name: "literal only", data: fakeELF(64<<10, 4104, fakeGoHeader("go1.21.3", fakeMod), 1)},
		{name: "before Go 1.18", data: fakeELF(64<<10, 4096, append(old, make([]byte, 16)...), 1), wantErr: errPre118},
		{name: "no module info", data: fakeELF(64<<10, 4096, fakeGoHeader("go1.21.3", ""), 1), want: fakeModPackages[:1]},
		{name: "devel toolchain", data: fakeELF(64<<10, 4096, fakeGoHeader("devel go1.23-abcdef", ""), 1), want: []facts.Package{{Type: "golang", Name: "stdlib"}}},
		{name: "experiments", data: fakeELF(64<<10, 4096, fakeGoHeader("go1.21.3 X:boringcrypto", ""), 1), want: fakeModPackages[:1]},
		{name: "not an executable", data: append([]byte("#!/bin/sh\n"), fakeGoHeader("go1.21.3", fakeMod)...)},
		{name: "truncated module info", data: fakeELF(4096+60, 4096, fakeGoHeader("go1.21.3", fakeMod), 1), wantErr: errTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := stream(t, tc.data, 1, 4000)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("error = %v, want %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// cargoDeps is a dependency list as cargo-auditable writes it for a small
// command-line tool.
const cargoDeps = `{"packages":[` +
	`{"name":"adler","version":"1.0.2","source":"crates.io"},` +
	`{"name":"cfg-if","version":"1.0.0","source":"crates.io"},` +
	`{"name":"crc32fast","version":"1.3.2","source":"crates.io","dependencies":[1]},` +
	`{"name":"flate2","version":"1.0.28","source":"crates.io","dependencies":[1,2,4]},` +
	`{"name":"miniz_oxide","version":"0.7.1","source":"crates.io","dependencies":[0]},` +
	`{"name":"cc","version":"1.0.83","source":"crates.io","kind":"build"},` +
	`{"name":"gzcat","version":"0.1.0","source":"local","dependencies":[3,5],"root":true}]}`

var cargoPackages = []facts.Package{
	{Type: "cargo", Name: "adler", Version: "1.0.2"},
	{Type: "cargo", Name: "cfg-if", Version: "1.0.0"},
	{Type: "cargo", Name: "crc32fast", Version: "1.3.2"},
	{Type: "cargo", Name: "flate2", Version: "1.0.28"},
	{Type: "cargo", Name: "miniz_oxide", Version: "0.7.1"},
	{Type: "cargo", Name: "cc", Version: "1.0.83"},
	{Type: "cargo", Name: "gzcat", Version: "0.1.0"},
}

func TestCargoAtBoundaries(t *testing.T) {
	if !json.Valid([]byte(cargoDeps)) {
		t.Fatal("test data is not JSON")
	}
	blob := zlibOf(t, []byte(cargoDeps))
	for _, at := range append(boundaryOffsets(), 3*chunkSize-len(blob)) {
		data := fakeELF(3*chunkSize, at, blob, uint64(at))
		got, err := stream(t, data, uint64(at), 1000)
		if err != nil {
			t.Fatalf("at %d: %v", at, err)
		}
		if diff := cmp.Diff(cargoPackages, got); diff != "" {
			t.Errorf("at %d: (-want +got):\n%s", at, diff)
		}
	}
}
