package provenance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseProvenance(f *testing.F) {
	for _, file := range []string{"slsa-v02.json", "slsa-v1.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(strings.Contains(file, "v1"), b)
	}
	f.Add(false, []byte(`{"metadata":{"https://mobyproject.org/buildkit@v1#metadata":{"vcs":{}}}}`))
	f.Add(true, []byte(`{"runDetails":{"metadata":{"buildkit_metadata":null}}}`))
	f.Fuzz(func(t *testing.T, v1 bool, b []byte) {
		pt := slsaV02
		if v1 {
			pt = slsaV1
		}
		got, err := parseProvenance(pt, b)
		if err != nil {
			return
		}
		s := summary(got)
		if !strings.HasPrefix(s, "provenance attestation: built by ") {
			t.Fatalf("summary %q", s)
		}
		if got.Source != "" && !sameRepository(got.Source, got.Source) {
			t.Fatalf("source %q differs from itself", got.Source)
		}
	})
}

func FuzzSameRepository(f *testing.F) {
	f.Add("https://github.com/example/app", "git@github.com:example/app.git")
	f.Add("git+https://u:p@host/x#y", "host/x")
	f.Fuzz(func(t *testing.T, a, b string) {
		if sameRepository(a, b) != sameRepository(b, a) {
			t.Fatalf("sameRepository(%q, %q) is not symmetric", a, b)
		}
		if !sameRepository(a, a) {
			t.Fatalf("%q differs from itself", a)
		}
	})
}
