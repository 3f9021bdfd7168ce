package config

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// defaultPath is the PATH the engine uses when the image sets none.
const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// maxPathDirs bounds the PATH elements searched.
const maxPathDirs = 64

// searchPath returns the image's PATH, the last one set winning.
func searchPath(env []string) string {
	p := defaultPath
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			p = v
		}
	}
	return p
}

// lookup finds programs in a merged filesystem as execvp would inside the
// container.
type lookup struct {
	fs   *facts.FS
	path string
	dir  string
}

// find resolves name: a name with a slash relative to the working
// directory, a bare name through PATH. It returns the file after symlinks
// and the path it was found at.
func (lk lookup) find(name string) (*facts.File, string, bool) {
	if name == "" {
		return nil, "", false
	}
	if strings.Contains(name, "/") {
		p := name
		if !path.IsAbs(p) {
			p = path.Join("/", lk.dir, p)
		}
		f, ok := lk.regular(p)
		return f, path.Clean(p), ok
	}
	dirs := strings.Split(lk.path, ":")
	if len(dirs) > maxPathDirs {
		dirs = dirs[:maxPathDirs]
	}
	for _, d := range dirs {
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

// regular resolves p to a regular file, following symlinks and a hard
// link; directories and devices are not programs.
func (lk lookup) regular(p string) (*facts.File, bool) {
	f, ok := lk.fs.Resolve(p)
	if ok && f.Type == facts.TypeHardlink {
		f, ok = lk.fs.Stat(f.Linkname)
	}
	if !ok || f.Type != facts.TypeFile {
		return nil, false
	}
	return f, true
}
