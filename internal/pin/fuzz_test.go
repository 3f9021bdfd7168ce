package pin

import (
	"os"
	"path/filepath"
	"testing"
)

func addSeeds(f *testing.F, names ...string) {
	f.Helper()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", "write", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkRefs fails when a reference's byte range lies outside the file or
// it has no line.
func checkRefs(t *testing.T, data []byte, refs []Ref) {
	for _, r := range refs {
		if r.Start < 0 {
			continue
		}
		if r.End < r.Start || r.End > len(data) {
			t.Fatalf("ref %+v lies outside the %d-byte file", r, len(data))
		}
		if r.Line < 1 {
			t.Fatalf("ref %+v has no line", r)
		}
	}
}

func FuzzParseDockerfile(f *testing.F) {
	addSeeds(f, "Dockerfile", "Dockerfile.golden")
	for _, s := range []string{
		"FROM a\\\n:1\n", "# escape=`\nFROM `\nb", "ARG A=${B:-x}\nFROM $A", "RUN <<-E\n\tE\nFROM c",
		"COPY --from='d:1' / /", "RUN --mount=from=,from=e a", "FROM ${", "ARG A=\"\nFROM $A",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		refs, err := ParseDockerfile(data)
		if err != nil {
			return
		}
		checkRefs(t, data, refs)
		for _, r := range refs {
			if r.Editable() && r.Skip == "" && string(data[r.Start:r.End]) != r.Text {
				t.Fatalf("editable ref %+v: file holds %q", r, data[r.Start:r.End])
			}
		}
	})
}

func FuzzParseYAML(f *testing.F) {
	addSeeds(f, "compose.yaml", "deploy.yaml", "deploy.yaml.golden")
	f.Add([]byte("services: {a: {image: \"x\\ty\"}}"))
	f.Add([]byte("kind: List\nitems: [{kind: Pod, spec: {containers: [{image: 'a''b'}]}}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		refs, err := ParseYAML(data)
		if err != nil {
			return
		}
		checkRefs(t, data, refs)
		for _, r := range refs {
			if r.Start >= 0 && string(data[r.Start:r.End]) != r.Text {
				t.Fatalf("ref %+v: file holds %q", r, data[r.Start:r.End])
			}
		}
	})
}

func FuzzParseLock(f *testing.F) {
	f.Add([]byte(`{"version": 1, "images": {"docker.io/library/nginx:1.27": "sha256:` + fakeDigest("x")[7:] + `"}}`))
	f.Add([]byte(`{"version": 1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLock(data)
		if err != nil {
			return
		}
		out, err := l.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseLock(out)
		if err != nil {
			t.Fatalf("a marshalled lock does not parse: %v\n%s", err, out)
		}
		again, _ := back.Marshal()
		if string(again) != string(out) {
			t.Fatalf("lock not stable:\n%s\n%s", out, again)
		}
	})
}
