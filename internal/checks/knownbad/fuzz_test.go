package knownbad

import (
	"context"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/samples"
)

func FuzzParseImages(f *testing.F) {
	f.Add(mustGunzip(f, "known-malicious-images.tsv", imagesGz))
	f.Add([]byte("a/*\tminer\tsomewhere\n"))
	f.Add([]byte("a/b\tc\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := parseImages(data)
		if err != nil {
			return
		}
		for k := range l.repos {
			if _, ok := l.match(k); !ok {
				t.Errorf("listed repository %q does not match", k)
			}
		}
	})
}

func FuzzParseHashes(f *testing.F) {
	f.Add(mustGunzip(f, "hashes.tsv", hashesGz))
	f.Add([]byte(strings.Repeat("a", 64) + "\t10\t-\tname\tsource\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := parseHashes(data)
		if err != nil {
			return
		}
		for size, bs := range l {
			for _, b := range bs {
				if b.Size != size || !isSHA256(b.SHA256) || (size > headSize && !isSHA256(b.Head)) {
					t.Errorf("accepted a malformed entry: %+v", b)
				}
			}
		}
	})
}

func FuzzEICAR(f *testing.F) {
	sig := samples.EICAR()
	f.Add(sig)
	f.Add(zipOf(f, "eicar.com", sig))
	f.Add(zipOf(f, "a.zip", zipOf(f, "eicar.com", sig)))
	f.Add(gzipOf(f, "e", sig))
	f.Add(gzipOf(f, "", tarOf(f, "e", sig)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := eicar()().(*eicarCheck)
		e := &facts.Entry{Path: "x.zip", Type: facts.TypeFile, Size: int64(len(data))}
		if _, err := c.CheckContent(context.Background(), e, data); err != nil {
			t.Fatal(err)
		}
	})
}
