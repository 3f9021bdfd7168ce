package osrelease

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, honours its limits, returns only
// valid names, and that every value it returns reads back the same once
// written in double quotes with the specification's escapes.
func FuzzParse(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "release", "*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"", "=", "ID", "ID=", "ID='", "ID=\"", "ID=\\", "NAME=\"a\\\"b\"'c'd\\ e", "#c\n\n ID = x \r\n",
		"A=\"\\$\\`\\\\\\\"\"", "A=\xff\xfe", "A=\"\n\"", "\x00=\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b)
		if len(b) > MaxSize && err == nil {
			t.Fatalf("accepted %d bytes", len(b))
		}
		if len(m) > MaxLines+1 {
			t.Fatalf("%d assignments from at most %d lines", len(m), MaxLines+1)
		}
		for k, v := range m {
			if !validKey(k) {
				t.Fatalf("invalid key %q", k)
			}
			if strings.ContainsAny(v, "\n") {
				t.Fatalf("value of %s spans lines: %q", k, v)
			}
			again, err := Parse([]byte(k + "=" + quote(v) + "\n"))
			if err != nil {
				t.Fatalf("re-reading %s=%q: %v", k, v, err)
			}
			if again[k] != v {
				t.Fatalf("%s: %q read back as %q", k, v, again[k])
			}
		}
	})
}

// quote writes v as the specification asks: in double quotes, with $ ` " and
// \ escaped by a backslash.
func quote(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if strings.IndexByte("$`\"\\", v[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzDetect feeds arbitrary release files to Detect and checks that what it
// returns is bounded and free of control characters, whichever file it came
// from. Redaction of the names is covered by TestDetectHostile.
func FuzzDetect(f *testing.F) {
	f.Add([]byte("ID=alpine\nVERSION_ID=3.22.2\n"), []byte("3.22.2\n"))
	f.Add([]byte(""), []byte("CentOS Linux release 7.9.2009 (Core)\n"))
	f.Add([]byte("NAME=x\n"), []byte("bookworm/sid\n"))
	f.Add([]byte("ID=\"\x1b[31m\"\n"), []byte("DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=12.04\n"))
	f.Add([]byte("ID=debian\nPRETTY_NAME=\"AKIAIOSFODNN7EXAMPLE\"\n"), []byte("Amazon Linux AMI release 2018.03"))
	f.Fuzz(func(t *testing.T, osRelease, other []byte) {
		var layer []entry
		if len(osRelease) > 0 {
			layer = append(layer, file("etc/os-release", string(osRelease)))
		}
		for _, fb := range fallbacks {
			layer = append(layer, file(fb.path, string(other)))
		}
		o := Detect(newImage(layer))
		for name, v := range map[string]string{"ID": o.ID, "VersionID": o.VersionID, "Family": o.Family} {
			if len(v) > maxIDLen {
				t.Fatalf("%s is %d bytes: %q", name, len(v), v)
			}
		}
		for name, v := range map[string]string{"ID": o.ID, "VersionID": o.VersionID, "PrettyName": o.PrettyName, "Family": o.Family} {
			if !utf8.ValidString(v) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
				t.Fatalf("%s is not printable: %q", name, v)
			}
		}
	})
}
