package rpm

import (
	"context"
	"os"
	"testing"
)

// FuzzExtract feeds hostile Berkeley DB and ndb databases to the readers:
// they must not panic, hang or allocate beyond the input, and every
// package they list has a name and version.
func FuzzExtract(f *testing.F) {
	// The real ndb in testdata is too large to mutate quickly; the small
	// databases made here hold the same structure.
	data, err := os.ReadFile("testdata/bdb/Packages")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, uint8(0))
	f.Add(encodeBDB(encodeHeader(str(tagName, "a"), str(tagVersion, "1")), encodeHeader(str(tagName, "b"), str(tagVersion, "2"))), uint8(0))
	f.Add(encodeNDB(encodeHeader(str(tagName, "a"), str(tagVersion, "1"), str(tagSourceRPM, "a-1-1.src.rpm"))), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		f := formatBDB
		if which%2 == 1 {
			f = formatNDB
		}
		pkgs, _ := read(context.Background(), f, data)
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" {
				t.Fatalf("package without a name or version: %+v", p)
			}
		}
	})
}
