package knownbad

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/samples"
)

func zipOf(t testing.TB, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipOf(t testing.TB, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Name = name
	zw.Write(content)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func tarOf(t testing.TB, name string, content []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	tw.WriteHeader(&tar.Header{Name: "README", Mode: 0o644, Size: 5, Typeflag: tar.TypeReg})
	tw.Write([]byte("hello"))
	tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(content)), Typeflag: tar.TypeReg})
	tw.Write(content)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEICAR(t *testing.T) {
	sig := samples.EICAR()
	for _, tc := range []struct {
		name string
		path string
		data []byte
		want string // the archive member named, "-" for the plain file, "" for none
	}{
		{"plain", "eicar.com", sig, "-"},
		{"trailing whitespace", "tmp/eicar.txt", append(bytes.Clone(sig), " \r\n\t\x1a"...), "-"},
		{"trailing text", "tmp/eicar.txt", append(bytes.Clone(sig), "more"...), ""},
		{"too long", "tmp/eicar.txt", append(bytes.Clone(sig), strings.Repeat(" ", 61)...), ""},
		{"not at the start", "src/scanner_test.go", append([]byte("// "), sig...), ""},
		{"truncated", "eicar.com", sig[:67], ""},
		{"zip", "eicar_com.zip", zipOf(t, "eicar.com", sig), "eicar.com"},
		{"nested zip", "eicarcom2.zip", zipOf(t, "eicar_com.zip", zipOf(t, "eicar.com", sig)), "eicar_com.zip → eicar.com"},
		{"gzip", "eicar.com.gz", gzipOf(t, "eicar.com", sig), "eicar.com"},
		{"tar.gz", "eicar.tgz", gzipOf(t, "", tarOf(t, "x/eicar.com", sig)), "x/eicar.com"},
		{"ordinary zip", "docs.zip", zipOf(t, "README", []byte(strings.Repeat("hello ", 30))), ""},
		{"corrupt zip", "x.zip", []byte("PK\x03\x04 not really a zip file at all, just text pretending to be one"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := eicar()().(*eicarCheck)
			e := &facts.Entry{Path: tc.path, Type: facts.TypeFile, Size: int64(len(tc.data))}
			wanted := c.Wants(e)
			fs, err := c.CheckContent(context.Background(), e, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.want == "" && len(fs) > 0:
				t.Errorf("unexpected finding: %s", fs[0].Message)
			case tc.want != "" && (len(fs) != 1 || !wanted):
				t.Fatalf("wanted %v, %d findings; want one", wanted, len(fs))
			case tc.want == "-" && strings.Contains(fs[0].Message, "inside"):
				t.Errorf("plain file described as in an archive: %s", fs[0].Message)
			case tc.want != "" && tc.want != "-" && !strings.Contains(fs[0].Message, tc.want):
				t.Errorf("message does not name %q: %s", tc.want, fs[0].Message)
			}
			for _, f := range fs {
				if strings.Contains(f.Message+f.Evidence.Value, string(sig)) {
					t.Error("the finding repeats the test string, so the report itself would be flagged")
				}
			}
		})
	}
}

func TestEICARWants(t *testing.T) {
	c := eicar()().(*eicarCheck)
	for _, tc := range []struct {
		e    facts.Entry
		want bool
	}{
		{facts.Entry{Path: "eicar.com", Size: 68}, true},
		{facts.Entry{Path: "eicar.com", Size: 128}, true},
		{facts.Entry{Path: "etc/hostname", Size: 12}, false},
		{facts.Entry{Path: "usr/share/doc/x/changelog.gz", Size: 4000}, true},
		{facts.Entry{Path: "app/big.zip", Size: maxArchive + 1}, false},
		{facts.Entry{Path: "usr/lib/x.so", Size: 4000}, false},
	} {
		if got := c.Wants(&tc.e); got != tc.want {
			t.Errorf("Wants(%s, %d) = %v", tc.e.Path, tc.e.Size, got)
		}
	}
}
