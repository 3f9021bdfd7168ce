package cleanimage

import (
	"archive/tar"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"syscall"
)

// WriteDirTar streams the tree under root as a tar, the way a container
// builder would make a layer of it: entries named prefix + their path
// relative to root (prefix "" or ending in "/"), in lexical order, with
// their modes, owners, modification times, symlink targets and device
// numbers; a file linked more than once is written once, then as hard
// links to that first name. Sockets, which tar cannot hold, are left out.
func WriteDirTar(w io.Writer, root, prefix string) error {
	tw := tar.NewWriter(w)
	links := map[fileID]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if rel == "." {
			return nil
		}
		return writeEntry(tw, p, prefix+filepath.ToSlash(rel), links)
	})
	if err != nil {
		return fmt.Errorf("archiving %q: %w", root, err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("archiving %q: %w", root, err)
	}
	return nil
}

// fileID identifies a file across its hard links.
type fileID struct{ dev, ino uint64 }

// writeEntry writes one file's header and, for a regular file seen for the
// first time, its content.
func writeEntry(tw *tar.Writer, p, name string, links map[fileID]string) error {
	info, err := os.Lstat(p)
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSocket != 0 {
		return nil
	}
	target := ""
	if info.Mode()&fs.ModeSymlink != 0 {
		if target, err = os.Readlink(p); err != nil {
			return err
		}
	}
	hdr, err := tar.FileInfoHeader(info, target)
	if err != nil {
		return fmt.Errorf("%q: %w", p, err)
	}
	hdr.Name = name
	if info.IsDir() {
		hdr.Name = name + "/"
	}
	hdr.Uname, hdr.Gname = "", ""
	hdr.Format = tar.FormatPAX
	hdr.AccessTime, hdr.ChangeTime = hdr.ModTime, hdr.ModTime
	if st, ok := info.Sys().(*syscall.Stat_t); ok && info.Mode().IsRegular() && st.Nlink > 1 {
		id := fileID{uint64(st.Dev), st.Ino}
		if first, seen := links[id]; seen {
			hdr.Typeflag, hdr.Linkname, hdr.Size = tar.TypeLink, first, 0
			return tw.WriteHeader(hdr)
		}
		links[id] = path.Clean(name)
	}
	if err := tw.WriteHeader(hdr); err != nil {
		return fmt.Errorf("%q: %w", p, err)
	}
	if !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.CopyN(tw, f, hdr.Size); err != nil {
		return fmt.Errorf("%q: %w", p, err)
	}
	return nil
}
