package surface

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/facts"
)

// FuzzFind builds filesystems from arbitrary names, link targets and modes
// and checks what Find promises: each tool once, in kind and name order, at
// a path in a bin directory that leads to an executable file.
func FuzzFind(f *testing.F) {
	f.Add("usr/bin/python3.12", "", "bin/sh", "/bin/busybox", "bin/busybox", uint16(0o755))
	f.Add("bin/sh", "sh", "usr/bin/gcc-12", "", "usr/bin/gcc", uint16(0o755))
	f.Add("opt/java/openjdk/bin/java", "", "bin/[", "", "bin/sh", uint16(0o644))
	f.Add("usr/local/go/bin/go", "../../../bin/sh", "bin/nc.openbsd", "/bin/nc", "bin/nc", uint16(0o4755))
	f.Fuzz(func(t *testing.T, p1, l1, p2, l2, p3 string, mode uint16) {
		clean := func(p string) string { return strings.Trim(path.Clean("/"+p), "/") }
		var entries []entry
		add := func(p, link string, typ facts.Type) {
			if p = clean(p); p != "" {
				entries = append(entries, entry{path: p, link: link, typ: typ, mode: fs.FileMode(mode) & 0o7777})
			}
		}
		typ := facts.TypeFile
		if l1 != "" {
			typ = facts.TypeSymlink
		}
		add(p1, l1, typ)
		typ = facts.TypeFile
		if l2 != "" {
			typ = facts.TypeSymlink
		}
		add(p2, l2, typ)
		add(p3, clean(p1), facts.TypeHardlink)
		m := newFS(entries)
		comps := Find(m)
		seen := map[string]bool{}
		for i, c := range comps {
			if seen[c.Name] {
				t.Fatalf("%s listed twice: %v", c.Name, comps)
			}
			seen[c.Name] = true
			if i > 0 {
				prev := comps[i-1]
				if kindRank(prev.Kind) > kindRank(c.Kind) || (prev.Kind == c.Kind && prev.Name > c.Name) {
					t.Fatalf("not sorted: %v", comps)
				}
			}
			dir, _ := path.Split(strings.TrimPrefix(c.Path, "/"))
			if !binDir(dir) {
				t.Fatalf("%s is not in a bin directory", c.Path)
			}
			f, ok := m.Stat(c.Path)
			if !ok {
				t.Fatalf("%s is not in the filesystem", c.Path)
			}
			if _, ok := executable(m, f); !ok {
				t.Fatalf("%s is not executable", c.Path)
			}
			if _, kind, ok := lookup(path.Base(c.Path)); !ok || kind != c.Kind {
				t.Fatalf("%s is not a %s", c.Path, c.Kind)
			}
		}
	})
}
