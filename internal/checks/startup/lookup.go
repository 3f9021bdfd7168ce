package startup

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// defaultPath is the PATH the engine uses when the image sets none.
const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

const maxPathDirs = 64

// lookup finds programs and scripts in the merged filesystem as the
// container would: bare names through PATH, relative paths from the
// working directory.
type lookup struct {
	img  *facts.Image
	path []string
	dir  string
}

func newLookup(img *facts.Image) lookup {
	lk := lookup{img: img, dir: "/"}
	p := defaultPath
	if img.Config != nil {
		for _, kv := range img.Config.Config.Env {
			if v, ok := strings.CutPrefix(kv, "PATH="); ok {
				p = v
			}
		}
		if wd := img.Config.Config.WorkingDir; wd != "" {
			lk.dir = wd
		}
	}
	lk.path = strings.Split(p, ":")
	if len(lk.path) > maxPathDirs {
		lk.path = lk.path[:maxPathDirs]
	}
	return lk
}

// find resolves name to a regular file and the absolute path it was found
// at; bare names are searched in PATH only when viaPath is set (a sourced
// file is looked up in PATH too, as POSIX says).
func (lk lookup) find(name string) (*facts.File, string, bool) {
	if name == "" || lk.img.FS == nil {
		return nil, "", false
	}
	if strings.Contains(name, "/") {
		p := name
		if !path.IsAbs(p) {
			p = path.Join("/", lk.dir, p)
		}
		p = path.Clean(p)
		f, ok := lk.regular(p)
		return f, p, ok
	}
	for _, d := range lk.path {
		if d == "" {
			d = lk.dir
		}
		p := path.Join("/", d, name)
		if f, ok := lk.regular(p); ok {
			return f, p, true
		}
	}
	return nil, "", false
}

// regular resolves p through symlinks and a hard link to a regular file.
func (lk lookup) regular(p string) (*facts.File, bool) {
	f, ok := lk.img.FS.Resolve(p)
	if ok && f.Type == facts.TypeHardlink {
		f, ok = lk.img.FS.Stat(f.Linkname)
	}
	if !ok || f.Type != facts.TypeFile {
		return nil, false
	}
	return f, true
}

// read returns the collected content of a resolved file.
func (lk lookup) read(f *facts.File) ([]byte, bool) {
	if f.Layer < 0 || f.Layer >= len(lk.img.Layers) || lk.img.Layers[f.Layer].Facts == nil {
		return nil, false
	}
	b, ok := lk.img.Layers[f.Layer].Facts.Files[f.Path]
	return b, ok
}

// children returns the regular files directly in dir, sorted by name,
// that match the glob pattern (all when pattern is "").
func (lk lookup) children(dir, pattern string, max int) []string {
	dir = strings.TrimSuffix(path.Clean("/"+dir), "/") + "/"
	rel := strings.TrimPrefix(dir, "/")
	if d, ok := lk.img.FS.Resolve(dir); ok && d.Type == facts.TypeDir && d.Path != "" {
		rel = d.Path + "/"
	}
	var out []string
	lk.img.FS.Walk(func(f *facts.File) {
		if len(out) >= max || !strings.HasPrefix(f.Path, rel) || strings.Contains(f.Path[len(rel):], "/") {
			return
		}
		name := f.Path[len(rel):]
		if pattern != "" {
			if ok, err := path.Match(pattern, name); err != nil || !ok {
				return
			}
		}
		if _, ok := lk.regular("/" + f.Path); ok {
			out = append(out, dir+name)
		}
	})
	return out
}
