// Package facts holds what the layer pass and the image metadata tell about an
// image: the entries of each layer, the merged filesystem, the config and the
// reference. Checks are pure functions of these facts.
package facts

import "io/fs"

// Type is the kind of a tar entry.
type Type uint8

// Entry types, mirroring the tar type flags customs cares about.
const (
	TypeFile Type = iota
	TypeDir
	TypeSymlink
	TypeHardlink
	TypeCharDevice
	TypeBlockDevice
	TypeFIFO
	TypeOther
)

var typeNames = [...]string{"file", "dir", "symlink", "hardlink", "char-device", "block-device", "fifo", "other"}

// String names the type.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "other"
}

// Entry is the header of one tar entry in a layer, with its path cleaned to a
// relative, slash-separated form without "." or ".." elements ("etc/passwd").
type Entry struct {
	Path     string
	Type     Type
	Mode     fs.FileMode // permission bits plus fs.ModeSetuid, fs.ModeSetgid, fs.ModeSticky
	Size     int64
	UID, GID int
	// Linkname is the cleaned target of a hard link, or the raw target of a symlink.
	Linkname string
}

// Executable reports whether any execute bit is set on a regular file.
func (e *Entry) Executable() bool { return e.Type == TypeFile && e.Mode&0o111 != 0 }

// Whiteout is a deletion recorded by a layer: Path is the deleted path, or the
// directory whose lower contents are hidden when Opaque is set.
type Whiteout struct {
	Path   string
	Opaque bool
}
