// Package surface finds the tools in an image's final filesystem that widen
// its attack surface: shells, package managers, compilers, interpreters and
// network tools. An attacker who gets code execution in a container uses
// what is already there; an image without them leaves little to use.
package surface

import (
	"path"
	"sort"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// Kinds of component, in the order Find sorts them.
const (
	KindShell          = "shell"
	KindPackageManager = "package-manager"
	KindCompiler       = "compiler"
	KindInterpreter    = "interpreter"
	KindNetworkTool    = "network-tool"
)

// Kinds lists every kind in the order Find sorts them.
func Kinds() []string {
	return []string{KindShell, KindPackageManager, KindCompiler, KindInterpreter, KindNetworkTool}
}

func kindRank(k string) int {
	for i, kk := range Kinds() {
		if kk == k {
			return i
		}
	}
	return len(Kinds())
}

// candidate is a tool name found in a bin directory, with the path of the
// regular file it runs.
type candidate struct {
	name, kind, path, target string
}

// Find lists the components present in the merged filesystem, sorted by kind
// (shells first, as Kinds orders them) and name. A component is an
// executable regular file, or a link resolving to one, whose name is a known
// tool, directly in a bin directory (see binDir). Versioned names count as
// their tool (python3.12 is python, gcc-12 is gcc); each tool is listed once,
// at the first path in lexical order. Busybox is listed once: the links to it
// count only when they name a shell, since the others (wget, nc, vi, ...)
// are reachable through busybox itself anyway.
func Find(fs *facts.FS) []report.Component {
	if fs == nil {
		return nil
	}
	var cands []candidate
	fs.Walk(func(f *facts.File) {
		dir, base := path.Split(f.Path)
		if !binDir(dir) {
			return
		}
		name, kind, ok := lookup(base)
		if !ok {
			return
		}
		target, ok := executable(fs, f)
		if !ok {
			return
		}
		cands = append(cands, candidate{name: name, kind: kind, path: "/" + f.Path, target: target})
	})
	busybox := map[string]bool{}
	for _, c := range cands {
		if c.name == "busybox" {
			busybox[c.target] = true
		}
	}
	seen := map[string]bool{}
	var out []report.Component
	for _, c := range cands {
		if busybox[c.target] && c.name != "busybox" && c.kind != KindShell {
			continue
		}
		if seen[c.name] {
			continue
		}
		seen[c.name] = true
		out = append(out, report.Component{Kind: c.kind, Name: c.name, Path: c.path})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ri, rj := kindRank(out[i].Kind), kindRank(out[j].Kind); ri != rj {
			return ri < rj
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// maxHardlinkHops bounds hard link chains; tar writes each link to the first
// copy, so one hop is the norm.
const maxHardlinkHops = 4

// executable follows f's symlinks and hard links to a regular file and
// reports whether it has an execute bit, with the file's path, which
// identifies it among its links.
func executable(fs *facts.FS, f *facts.File) (string, bool) {
	cur := f
	if f.Type == facts.TypeSymlink {
		r, ok := fs.Resolve(f.Path)
		if !ok {
			return "", false
		}
		cur = r
	}
	for range maxHardlinkHops {
		if cur.Type != facts.TypeHardlink {
			break
		}
		r, ok := fs.Resolve(cur.Linkname)
		if !ok {
			return "", false
		}
		cur = r
	}
	if !cur.Executable() {
		return "", false
	}
	return cur.Path, true
}
