package binary

import (
	"context"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzStream checks that any file is read without panicking and that how
// the file is split into reads never changes the result.
func FuzzStream(f *testing.F) {
	f.Add(fakeELF(1024, 64, fakeGoHeader("go1.21.3", fakeMod), 1))
	f.Add(fakeELF(600, 32, fakeGoHeader("go1.22.0", ""), 1))
	f.Add(fakeELF(1024, 100, zlibOf(f, []byte(cargoDeps)), 1))
	f.Add(fakeELF(256, 16, append(append([]byte{}, goMagic...), 4, 0), 1))
	f.Add([]byte("MZ\x90\x00"))
	s := New()
	f.Fuzz(func(t *testing.T, data []byte) {
		e := &facts.Entry{Path: "bin/x", Size: int64(len(data)), Mode: 0o755}
		whole, errWhole := s.Stream(context.Background(), e, iotest.HalfReader(bytesReader(data)))
		bytewise, errBytewise := s.Stream(context.Background(), e, iotest.OneByteReader(bytesReader(data)))
		if (errWhole == nil) != (errBytewise == nil) {
			t.Fatalf("errors differ: %v / %v", errWhole, errBytewise)
		}
		if diff := cmp.Diff(whole, bytewise); diff != "" {
			t.Fatalf("results differ with the reads (-half +one byte):\n%s", diff)
		}
	})
}

// FuzzParseDeps checks the dependency list parser on any JSON.
func FuzzParseDeps(f *testing.F) {
	f.Add([]byte(cargoDeps))
	f.Add([]byte(`{"format":1,"packages":[{"name":"a","version":"1","dependencies":[-1]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := parseDeps(data)
		if err == nil && len(pkgs) == 0 {
			t.Fatal("no error and no crates")
		}
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" || p.Type != "cargo" {
				t.Fatalf("bad crate %+v", p)
			}
		}
	})
}
