package facts

import (
	"fmt"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	chain := []Entry{file("end")}
	for i := range maxLinkHops + 1 {
		target := fmt.Sprintf("hop%d", i+1)
		if i == maxLinkHops {
			target = "end"
		}
		chain = append(chain, link(fmt.Sprintf("hop%d", i), target))
	}
	fs := merged(
		layer(nil,
			dir("usr"), dir("usr/bin"), file("usr/bin/sh"), file("usr/bin/python3.11"),
			link("bin", "usr/bin"),
			link("usr/bin/python3", "python3.11"),
			link("usr/bin/python", "/usr/bin/python3"),
			dir("etc"), file("etc/passwd"),
			link("usr/lib/os-release", "../../etc/passwd"),
			link("escape", "../../../../../etc/passwd"),
			link("escape-dir", "/../../.."),
			link("loop-a", "loop-b"), link("loop-b", "loop-a"),
			link("self", "self"),
			link("grow", "grow/grow"),
			link("dangling", "/no/such/file"),
			link("empty", ""),
			link("dot", "."),
		),
		layer(nil, chain...),
	)
	for _, tc := range []struct {
		path string
		want string // "" when Resolve must fail
	}{
		{"usr/bin/sh", "usr/bin/sh"},
		{"/bin/sh", "usr/bin/sh"},
		{"bin/python", "usr/bin/python3.11"},
		{"usr/bin/python", "usr/bin/python3.11"},
		{"usr/lib/os-release", "etc/passwd"},
		{"escape", "etc/passwd"},
		{"escape-dir/etc/passwd", "etc/passwd"},
		{"bin/../bin/sh", "usr/bin/sh"},
		{"bin/../etc/passwd", ""}, // ".." climbs from the link's target: this is /usr/etc/passwd
		{"./usr//bin/./sh", "usr/bin/sh"},
		{"../../usr/bin/sh", "usr/bin/sh"},
		{"dot/dot/dot/etc/passwd", "etc/passwd"},
		{"empty/etc/passwd", "etc/passwd"},
		{"usr/bin", "usr/bin"},
		{"bin", "usr/bin"},
		{"loop-a", ""},
		{"self", ""},
		{"grow", ""},
		{"dangling", ""},
		{"etc/passwd/x", ""},
		{"", ""},
		{"/", ""},
		{"hop1", "end"}, // maxLinkHops links
		{"hop0", ""},    // one more than maxLinkHops
	} {
		f, ok := fs.Resolve(tc.path)
		got := ""
		if ok {
			got = f.Path
			if f.Type == TypeSymlink {
				t.Errorf("Resolve(%q) returned the symlink %q", tc.path, f.Path)
			}
		}
		if got != tc.want {
			t.Errorf("Resolve(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestResolveLongLoop: a link whose target repeats itself many times must not
// make resolution grow without bound.
func TestResolveLongLoop(t *testing.T) {
	target := strings.Repeat("x/", 2000) + "x"
	fs := merged(layer(nil, link("x", target)))
	if f, ok := fs.Resolve("x"); ok {
		t.Errorf("Resolve(x) = %q, want failure", f.Path)
	}
}

func TestImageRead(t *testing.T) {
	lf0 := layer(nil, dir("etc"), file("etc/os-release"), file("etc/big"))
	lf0.Files = map[string][]byte{"etc/os-release": []byte("ID=alpine\n")}
	lf1 := layer(nil, link("etc/alias", "os-release"), dir("usr/lib"), link("usr/lib/os-release", "../../etc/os-release"))
	lf2 := layer([]Whiteout{gone("etc/gone")})
	img := &Image{Layers: []Layer{{Index: 0, Facts: lf0}, {Index: 1, Facts: lf1}, {Index: 2, Facts: lf2}}, FS: merged(lf0, lf1, lf2)}
	for _, tc := range []struct {
		path, want string
		ok         bool
	}{
		{"etc/os-release", "ID=alpine\n", true},
		{"/usr/lib/os-release", "ID=alpine\n", true},
		{"etc/alias", "ID=alpine\n", true},
		{"etc/big", "", false}, // present but not collected
		{"etc", "", false},     // a directory
		{"etc/missing", "", false},
	} {
		b, ok := img.Read(tc.path)
		if string(b) != tc.want || ok != tc.ok {
			t.Errorf("Read(%q) = %q, %v; want %q, %v", tc.path, b, ok, tc.want, tc.ok)
		}
	}
}

func TestLayerFor(t *testing.T) {
	img := &Image{Layers: []Layer{{Index: 0, HistoryStep: 0}, {Index: 1, HistoryStep: 3}, {Index: 2, HistoryStep: -1}}}
	for _, tc := range []struct {
		step, want int
		ok         bool
	}{{0, 0, true}, {3, 1, true}, {1, 0, false}, {-1, 0, false}} {
		got, ok := img.LayerFor(tc.step)
		if got != tc.want || ok != tc.ok {
			t.Errorf("LayerFor(%d) = %d, %v; want %d, %v", tc.step, got, ok, tc.want, tc.ok)
		}
	}
}
