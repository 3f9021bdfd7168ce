package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func file(p string) Entry { return Entry{Path: p, Type: TypeFile, Mode: 0o644, Size: int64(len(p))} }
func dir(p string) Entry  { return Entry{Path: p, Type: TypeDir, Mode: 0o755} }
func link(p, target string) Entry {
	return Entry{Path: p, Type: TypeSymlink, Mode: 0o777, Linkname: target}
}
func gone(p string) Whiteout   { return Whiteout{Path: p} }
func opaque(p string) Whiteout { return Whiteout{Path: p, Opaque: true} }
func layer(ws []Whiteout, es ...Entry) *LayerFacts {
	return &LayerFacts{Entries: es, Whiteouts: ws}
}

// merged applies layers in order to a new filesystem.
func merged(layers ...*LayerFacts) *FS {
	fs := NewFS()
	for i, lf := range layers {
		fs.Apply(i, lf)
	}
	return fs
}

// visible lists the visible paths and the layer each comes from, as Walk
// gives them.
func visible(fs *FS) []string {
	var out []string
	fs.Walk(func(f *File) {
		out = append(out, f.Path+"@"+string(rune('0'+f.Layer)))
	})
	return out
}

type hiddenAt struct {
	Path     string
	Layer    int
	HiddenBy int
	Replaced bool
}

func hiddenList(fs *FS) []hiddenAt {
	var out []hiddenAt
	for _, h := range fs.Hidden() {
		out = append(out, hiddenAt{h.Path, h.Layer, h.HiddenBy, h.Replaced})
	}
	return out
}

func TestApply(t *testing.T) {
	for _, tc := range []struct {
		name       string
		layers     []*LayerFacts
		wantFiles  []string
		wantHidden []hiddenAt
	}{
		{
			name:      "one layer, implicit parents are not entries",
			layers:    []*LayerFacts{layer(nil, dir("etc"), file("etc/passwd"), file("usr/bin/env"))},
			wantFiles: []string{"etc@0", "etc/passwd@0", "usr/bin/env@0"},
		},
		{
			name:       "a later file replaces an earlier one",
			layers:     []*LayerFacts{layer(nil, file("etc/passwd")), layer(nil, file("etc/passwd"))},
			wantFiles:  []string{"etc/passwd@1"},
			wantHidden: []hiddenAt{{"etc/passwd", 0, 1, true}},
		},
		{
			name:       "a whiteout deletes a file",
			layers:     []*LayerFacts{layer(nil, file("a"), file("b")), layer([]Whiteout{gone("a")})},
			wantFiles:  []string{"b@0"},
			wantHidden: []hiddenAt{{"a", 0, 1, false}},
		},
		{
			name: "a whiteout deletes a directory, its entry and everything beneath",
			layers: []*LayerFacts{
				layer(nil, dir("root"), dir("root/.ssh"), file("root/.ssh/id_rsa"), file("root/.profile")),
				layer([]Whiteout{gone("root/.ssh")}),
			},
			wantFiles:  []string{"root@0", "root/.profile@0"},
			wantHidden: []hiddenAt{{"root/.ssh", 0, 1, false}, {"root/.ssh/id_rsa", 0, 1, false}},
		},
		{
			name: "an opaque directory hides lower children but keeps its own",
			layers: []*LayerFacts{
				layer(nil, dir("var/cache"), file("var/cache/a"), dir("var/cache/d"), file("var/cache/d/b")),
				layer([]Whiteout{opaque("var/cache")}, file("var/cache/new")),
			},
			wantFiles: []string{"var/cache@0", "var/cache/new@1"},
			wantHidden: []hiddenAt{
				{"var/cache/a", 0, 1, false}, {"var/cache/d", 0, 1, false}, {"var/cache/d/b", 0, 1, false},
			},
		},
		{
			name:       "an opaque root hides every lower entry",
			layers:     []*LayerFacts{layer(nil, file("a"), file("b/c")), layer([]Whiteout{opaque("")}, file("d"))},
			wantFiles:  []string{"d@1"},
			wantHidden: []hiddenAt{{"a", 0, 1, false}, {"b/c", 0, 1, false}},
		},
		{
			name:       "deleted and written again in the same layer",
			layers:     []*LayerFacts{layer(nil, file("app/run")), layer([]Whiteout{gone("app/run")}, file("app/run"))},
			wantFiles:  []string{"app/run@1"},
			wantHidden: []hiddenAt{{"app/run", 0, 1, false}},
		},
		{
			name:       "a file replacing a directory hides its entries",
			layers:     []*LayerFacts{layer(nil, dir("x"), file("x/a"), file("x/b")), layer(nil, file("x"))},
			wantFiles:  []string{"x@1"},
			wantHidden: []hiddenAt{{"x", 0, 1, true}, {"x/a", 0, 1, true}, {"x/b", 0, 1, true}},
		},
		{
			name:       "a directory replacing a file",
			layers:     []*LayerFacts{layer(nil, file("x")), layer(nil, dir("x"), file("x/a"))},
			wantFiles:  []string{"x@1", "x/a@1"},
			wantHidden: []hiddenAt{{"x", 0, 1, true}},
		},
		{
			name:      "a directory over a directory merges and hides nothing",
			layers:    []*LayerFacts{layer(nil, dir("app"), file("app/a")), layer(nil, dir("app"), file("app/b"))},
			wantFiles: []string{"app@1", "app/a@0", "app/b@1"},
		},
		{
			name:      "whiteouts of missing paths change nothing",
			layers:    []*LayerFacts{layer(nil, file("a")), layer([]Whiteout{gone("b"), gone("no/such/c"), opaque("nowhere")})},
			wantFiles: []string{"a@0"},
		},
		{
			name:       "the same path twice in one layer: the last wins",
			layers:     []*LayerFacts{layer(nil, file("a"), file("a"))},
			wantFiles:  []string{"a@0"},
			wantHidden: []hiddenAt{{"a", 0, 0, true}},
		},
		{
			name:      "empty paths are ignored",
			layers:    []*LayerFacts{layer(nil, Entry{Path: ""}, file("a"))},
			wantFiles: []string{"a@0"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := merged(tc.layers...)
			if diff := cmp.Diff(tc.wantFiles, visible(fs)); diff != "" {
				t.Errorf("visible files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantHidden, hiddenList(fs)); diff != "" {
				t.Errorf("hidden (-want +got):\n%s", diff)
			}
			if got, want := fs.Len(), len(tc.wantFiles); got != want {
				t.Errorf("Len() = %d, want %d", got, want)
			}
		})
	}
}

func TestStat(t *testing.T) {
	fs := merged(layer(nil, dir("etc"), file("etc/passwd"), link("bin", "usr/bin")))
	for _, tc := range []struct {
		path string
		want string // "" when Stat must fail
	}{
		{"etc/passwd", "etc/passwd"},
		{"/etc/passwd", "etc/passwd"},
		{"/etc/passwd/", "etc/passwd"},
		{"etc", "etc"},
		{"bin", "bin"}, // the link itself, not followed
		{"bin/sh", ""},
		{"usr", ""}, // an implicit directory has no entry
		{"", ""},
		{"/", ""},
		{"etc/../etc/passwd", ""}, // Stat is lexical and takes cleaned paths
	} {
		f, ok := fs.Stat(tc.path)
		got := ""
		if ok {
			got = f.Path
		}
		if got != tc.want {
			t.Errorf("Stat(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
