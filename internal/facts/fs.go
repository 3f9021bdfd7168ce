package facts

import (
	"path"
	"sort"
	"strings"
)

// File is a path visible in the merged filesystem and the layer it comes from.
type File struct {
	Entry
	Layer int
}

// Hidden is content that a layer added and a later layer deleted or replaced.
// It is invisible at run time but still shipped with the image. Directories
// are listed when they are deleted or replaced by a non-directory, not when a
// later layer merely writes the same directory again.
type Hidden struct {
	Entry
	Layer    int
	HiddenBy int
	// Replaced is true when a later layer wrote the same path again, false
	// when a whiteout deleted it.
	Replaced bool
}

// FS is the merged view of an image's layers, after whiteouts are applied.
type FS struct {
	root   *node
	hidden []Hidden
	count  int
}

type node struct {
	file     *File
	children map[string]*node
}

// NewFS returns an empty filesystem.
func NewFS() *FS { return &FS{root: &node{}} }

// Apply adds a layer on top of the filesystem: first its whiteouts delete
// lower content, then its entries are laid over what remains.
func (m *FS) Apply(index int, lf *LayerFacts) {
	for _, w := range lf.Whiteouts {
		if w.Opaque {
			if n := m.lookup(w.Path); n != nil {
				for name, c := range n.children {
					m.hide(c, index, false)
					delete(n.children, name)
				}
			}
			continue
		}
		parent, name := m.parentOf(w.Path, false)
		if parent == nil {
			continue
		}
		if c, ok := parent.children[name]; ok {
			m.hide(c, index, false)
			delete(parent.children, name)
		}
	}
	for i := range lf.Entries {
		e := &lf.Entries[i]
		if e.Path == "" {
			continue
		}
		parent, name := m.parentOf(e.Path, true)
		c, ok := parent.children[name]
		if !ok {
			c = &node{}
			parent.children[name] = c
		}
		if c.file != nil {
			if c.file.Type != TypeDir || e.Type != TypeDir {
				m.hidden = append(m.hidden, Hidden{Entry: c.file.Entry, Layer: c.file.Layer, HiddenBy: index, Replaced: true})
			}
			m.count--
		}
		if e.Type != TypeDir && len(c.children) > 0 {
			// A file replacing a directory hides everything under it.
			for cn, cc := range c.children {
				m.hide(cc, index, true)
				delete(c.children, cn)
			}
		}
		c.file = &File{Entry: *e, Layer: index}
		m.count++
	}
}

func (m *FS) hide(n *node, by int, replaced bool) {
	if n.file != nil {
		m.hidden = append(m.hidden, Hidden{Entry: n.file.Entry, Layer: n.file.Layer, HiddenBy: by, Replaced: replaced})
		m.count--
	}
	for _, c := range n.children {
		m.hide(c, by, replaced)
	}
}

func (m *FS) parentOf(p string, create bool) (*node, string) {
	dir, name := path.Split(p)
	n := m.root
	for _, part := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if part == "" {
			continue
		}
		c, ok := n.children[part]
		if !ok {
			if !create {
				return nil, ""
			}
			c = &node{}
			if n.children == nil {
				n.children = map[string]*node{}
			}
			n.children[part] = c
		}
		n = c
	}
	if create && n.children == nil {
		n.children = map[string]*node{}
	}
	return n, name
}

func (m *FS) lookup(p string) *node {
	n := m.root
	for _, part := range strings.Split(p, "/") {
		if part == "" {
			continue
		}
		c, ok := n.children[part]
		if !ok {
			return nil
		}
		n = c
	}
	return n
}

// Stat returns the entry at p without following symlinks.
func (m *FS) Stat(p string) (*File, bool) {
	n := m.lookup(strings.Trim(p, "/"))
	if n == nil || n.file == nil {
		return nil, false
	}
	return n.file, true
}

// maxLinkHops bounds symlink resolution, as Linux does with ELOOP.
const maxLinkHops = 40

// Resolve follows symlinks in every element of p, as the kernel would inside
// the container, and returns the final file. Links that point above the root
// stay at the root; loops end after a bounded number of hops.
func (m *FS) Resolve(p string) (*File, bool) {
	hops := 0
	return m.resolve(strings.Trim(p, "/"), &hops)
}

func (m *FS) resolve(p string, hops *int) (*File, bool) {
	parts := strings.Split(p, "/")
	cur := ""
	for i, part := range parts {
		if part == "" || part == "." {
			continue
		}
		if part == ".." {
			cur = parentDir(cur)
			continue
		}
		next := joinRel(cur, part)
		n := m.lookup(next)
		if n == nil {
			return nil, false
		}
		// A node without an entry is a directory that the layers imply
		// (they hold "a/b" without "a"): it is walked through like any other.
		if f := n.file; f != nil && f.Type == TypeSymlink {
			*hops++
			if *hops > maxLinkHops {
				return nil, false
			}
			target := f.Linkname
			if !strings.HasPrefix(target, "/") {
				target = joinRel(cur, target)
			}
			rest := strings.Join(parts[i+1:], "/")
			return m.resolve(strings.Trim(target, "/")+"/"+rest, hops)
		}
		cur = next
	}
	if cur == "" {
		return nil, false
	}
	return m.Stat(cur)
}

func parentDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

func joinRel(dir, name string) string {
	if dir == "" {
		return name
	}
	return dir + "/" + name
}

// Len is the number of visible entries.
func (m *FS) Len() int { return m.count }

// Hidden lists the content deleted or replaced by later layers, sorted by path.
func (m *FS) Hidden() []Hidden {
	out := append([]Hidden(nil), m.hidden...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Layer < out[j].Layer
	})
	return out
}

// Walk calls fn for every visible entry in lexical path order.
func (m *FS) Walk(fn func(*File)) {
	walkNode(m.root, fn)
}

func walkNode(n *node, fn func(*File)) {
	names := make([]string, 0, len(n.children))
	for name := range n.children {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := n.children[name]
		if c.file != nil {
			fn(c.file)
		}
		walkNode(c, fn)
	}
}
