package pin

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fakeDigest stands for what a registry would answer for a reference.
func fakeDigest(key string) string {
	return fmt.Sprintf("sha256:%x", sha256.Sum256([]byte(key)))
}

// fakeResolve resolves every reference of the files without a registry.
func fakeResolve(t *testing.T, files []*File) []Item {
	t.Helper()
	var items []Item
	for _, f := range files {
		for _, r := range f.Refs {
			it := Item{File: f.Path, Ref: r}
			name, digest, pinned := strings.Cut(r.Text, "@")
			tag := "latest"
			if last := name[strings.LastIndex(name, "/")+1:]; strings.Contains(last, ":") {
				tag = last[strings.Index(last, ":")+1:]
				name = strings.TrimSuffix(name, ":"+tag)
			}
			it.Res = Resolution{Key: name + ":" + tag, Tag: tag, Current: fakeDigest(name + ":" + tag)}
			if pinned {
				it.Res.Pinned = digest
			}
			items = append(items, it)
		}
	}
	return items
}

func TestRewriteGolden(t *testing.T) {
	for _, name := range []string{"Dockerfile", "compose.yaml", "deploy.yaml"} {
		t.Run(name, func(t *testing.T) {
			files, _, err := Load([]string{filepath.Join("testdata", "write", name)})
			if err != nil {
				t.Fatal(err)
			}
			items := fakeResolve(t, files)
			got, fixed, err := Rewrite(files[0], items)
			if err != nil {
				t.Fatal(err)
			}
			if len(fixed) != 0 {
				t.Errorf("%d references could not be rewritten: %+v", len(fixed), fixed)
			}
			golden := filepath.Join("testdata", "write", name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			// Pinning a pinned file changes nothing.
			refs, err := Parse(name, got)
			if err != nil {
				t.Fatal(err)
			}
			again := &File{Path: files[0].Path, Data: got, Refs: refs}
			for _, it := range fakeResolve(t, []*File{again}) {
				if it.Res.Pinned == "" {
					t.Errorf("%s:%d: %s is not pinned after rewriting", name, it.Ref.Line, it.Ref.Text)
				}
			}
		})
	}
}

func TestRewriteReportsFixedReferences(t *testing.T) {
	data := []byte("ARG V=3.20\nFROM alpine:${V}\n")
	refs, err := ParseDockerfile(data)
	if err != nil {
		t.Fatal(err)
	}
	f := &File{Path: "Dockerfile", Data: data, Refs: refs}
	got, fixed, err := Rewrite(f, fakeResolve(t, []*File{f}))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(data) || len(fixed) != 1 || fixed[0].Ref.Text != "alpine:3.20" {
		t.Errorf("Rewrite = %q, fixed %+v; want the file unchanged and alpine:3.20 reported", got, fixed)
	}
}

func TestPinned(t *testing.T) {
	d := fakeDigest("x")
	tests := []struct{ text, tag, want string }{
		{"nginx:1.27", "1.27", "nginx:1.27@" + d},
		{"nginx", "latest", "nginx:latest@" + d},
		{"localhost:5000/app", "latest", "localhost:5000/app:latest@" + d},
		{"localhost:5000/app:v1", "v1", "localhost:5000/app:v1@" + d},
		{"nginx@sha256:abc", "", "nginx@sha256:abc"},
	}
	for _, tt := range tests {
		if got := Pinned(tt.text, tt.tag, d); got != tt.want {
			t.Errorf("Pinned(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestApplyRejectsOverlap(t *testing.T) {
	if _, err := Apply([]byte("abcdef"), []Edit{{1, 3, "x"}, {2, 4, "y"}}); err == nil {
		t.Error("overlapping edits were accepted")
	}
	if _, err := Apply([]byte("abc"), []Edit{{1, 9, "x"}}); err == nil {
		t.Error("an edit past the end was accepted")
	}
	got, err := Apply([]byte("abcdef"), []Edit{{4, 5, "E"}, {0, 1, "A"}})
	if err != nil || string(got) != "AbcdEf" {
		t.Errorf("Apply = %q, %v", got, err)
	}
}

func TestWriteFileKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "Dockerfile")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("after WriteFile: %q mode %v", got, st.Mode().Perm())
	}
	if err := WriteFile(t.TempDir(), []byte("x")); err == nil {
		t.Error("WriteFile over a directory succeeded")
	}
}
