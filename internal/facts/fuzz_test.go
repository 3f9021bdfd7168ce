package facts

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parseScript turns fuzz input into layers. Each line is one operation:
// "L" starts a new layer, "f P" a file, "d P" a directory, "s P T" a symlink
// to T, "h P T" a hard link, "w P" a whiteout and "o P" an opaque directory.
// Paths are cleaned the way the layer pass cleans them; link targets are kept
// as they come, like the raw symlink targets of a tar.
func parseScript(s string) []*LayerFacts {
	const maxOps = 512
	layers := []*LayerFacts{{}}
	for i, line := range strings.Split(s, "\n") {
		if i >= maxOps {
			break
		}
		if line == "" {
			continue
		}
		op, rest, _ := strings.Cut(line, " ")
		p, target, _ := strings.Cut(rest, " ")
		p, ok := cleanForTest(p)
		lf := layers[len(layers)-1]
		switch {
		case op == "L":
			layers = append(layers, &LayerFacts{})
		case !ok:
		case op == "o":
			lf.Whiteouts = append(lf.Whiteouts, Whiteout{Path: p, Opaque: true})
		case p == "":
		case op == "w":
			lf.Whiteouts = append(lf.Whiteouts, Whiteout{Path: p})
		case op == "f":
			lf.Entries = append(lf.Entries, Entry{Path: p, Type: TypeFile, Size: int64(len(line))})
		case op == "d":
			lf.Entries = append(lf.Entries, Entry{Path: p, Type: TypeDir})
		case op == "s":
			lf.Entries = append(lf.Entries, Entry{Path: p, Type: TypeSymlink, Linkname: target})
		case op == "h":
			lf.Entries = append(lf.Entries, Entry{Path: p, Type: TypeHardlink, Linkname: target})
		}
	}
	return layers
}

// cleanForTest cleans p as the layer pass does: relative, no "." or "..".
func cleanForTest(p string) (string, bool) {
	p = strings.TrimLeft(p, "/")
	for _, part := range strings.Split(p, "/") {
		if part == ".." {
			return "", false
		}
	}
	if p = path.Clean(p); p == "." {
		p = ""
	}
	return p, true
}

// model is a flat reference implementation of the merge: path to the entry
// that is visible there, plus what was hidden.
type model struct {
	files  map[string]File
	hidden []hiddenAt
}

func (m *model) remove(p string, by int, replaced, self bool) {
	for q, f := range m.files {
		if (self && q == p) || p == "" || strings.HasPrefix(q, p+"/") {
			m.hidden = append(m.hidden, hiddenAt{q, f.Layer, by, replaced})
			delete(m.files, q)
		}
	}
}

func (m *model) apply(index int, lf *LayerFacts) {
	for _, w := range lf.Whiteouts {
		m.remove(w.Path, index, false, !w.Opaque)
	}
	for _, e := range lf.Entries {
		if old, ok := m.files[e.Path]; ok && (old.Type != TypeDir || e.Type != TypeDir) {
			m.hidden = append(m.hidden, hiddenAt{e.Path, old.Layer, index, true})
		}
		if e.Type != TypeDir {
			m.remove(e.Path, index, true, false)
		}
		m.files[e.Path] = File{Entry: e, Layer: index}
	}
}

func sortHidden(hs []hiddenAt) {
	sort.Slice(hs, func(i, j int) bool { return fmt.Sprint(hs[i]) < fmt.Sprint(hs[j]) })
}

// FuzzFSApply merges arbitrary layers and checks the merged view against the
// flat model, then resolves every path and link target: resolution must
// always end, and never return a symlink.
func FuzzFSApply(f *testing.F) {
	for _, seed := range []string{
		"d etc\nf etc/passwd\ns bin usr/bin\nd usr/bin\nf usr/bin/sh\nL\nw etc/passwd\nf etc/passwd",
		"f a\nf b/c\nL\no \nf d",
		"d x\nf x/a\nL\nf x\nL\nd x\nf x/b",
		"s a b\ns b a\ns c c\ns d d/d/d\ns e ../../../../e\nf f\ns g /f",
		"d var/cache\nf var/cache/a\nd var/cache/d\nf var/cache/d/b\nL\no var/cache\nf var/cache/new",
		"f a\nf a\nh b a\nh c /a\nL\nw a\nw nothing/here",
		"s x x/x/x/x/x/x/x/x/x/x\ns y ./y/../y",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		layers := parseScript(script)
		fs := NewFS()
		ref := &model{files: map[string]File{}}
		for i, lf := range layers {
			fs.Apply(i, lf)
			ref.apply(i, lf)
		}

		var got, want []string
		fs.Walk(func(f *File) {
			got = append(got, fmt.Sprintf("%s@%d", f.Path, f.Layer))
			if s, ok := fs.Stat(f.Path); !ok || s != f {
				t.Errorf("Stat(%q) does not return the walked file", f.Path)
			}
		})
		for p, f := range ref.files {
			want = append(want, fmt.Sprintf("%s@%d", p, f.Layer))
		}
		sort.Strings(got)
		sort.Strings(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("visible files differ from the model (-want +got):\n%s", diff)
		}
		if fs.Len() != len(got) {
			t.Errorf("Len() = %d, Walk saw %d", fs.Len(), len(got))
		}
		hidden := hiddenList(fs)
		for _, h := range hidden {
			if h.HiddenBy < h.Layer || h.HiddenBy >= len(layers) || h.Path == "" {
				t.Errorf("impossible hidden entry %+v", h)
			}
		}
		sortHidden(hidden)
		sortHidden(ref.hidden)
		if diff := cmp.Diff(ref.hidden, hidden); diff != "" {
			t.Errorf("hidden entries differ from the model (-want +got):\n%s", diff)
		}

		probes := []string{"", "/", script}
		for _, lf := range layers {
			for _, e := range lf.Entries {
				probes = append(probes, e.Path, e.Linkname, e.Path+"/"+e.Linkname)
			}
		}
		for _, p := range probes {
			r, ok := fs.Resolve(p)
			if !ok {
				continue
			}
			if r.Type == TypeSymlink {
				t.Errorf("Resolve(%q) returned the symlink %q", p, r.Path)
			}
			if s, ok := fs.Stat(r.Path); !ok || s != r {
				t.Errorf("Resolve(%q) = %q, which Stat does not find", p, r.Path)
			}
		}
	})
}
