package cleanimage

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// entry is what a test compares of a tar header and its content.
type entry struct {
	Name, Linkname, Content string
	Type                    byte
	Mode                    int64
	UID, GID                int
	Major, Minor            int64
}

// TestWriteDirTar archives a tree holding every kind of file a rootfs has
// and reads it back.
func TestWriteDirTar(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "etc/cron.d"), 0o755))
	must(os.WriteFile(filepath.Join(root, "etc/shadow"), []byte("root:*:19000:0:99999:7:::\n"), 0o640))
	must(os.Chmod(filepath.Join(root, "etc/shadow"), 0o640))
	must(os.WriteFile(filepath.Join(root, "etc/cron.d/job"), []byte("* * * * * root true\n"), 0o644))
	must(os.MkdirAll(filepath.Join(root, "usr/bin"), 0o755))
	must(os.WriteFile(filepath.Join(root, "usr/bin/gunzip"), []byte("#!/bin/sh\n"), 0o755))
	must(os.Link(filepath.Join(root, "usr/bin/gunzip"), filepath.Join(root, "usr/bin/uncompress")))
	must(os.WriteFile(filepath.Join(root, "usr/bin/su"), []byte("elf"), 0o755))
	must(os.Chmod(filepath.Join(root, "usr/bin/su"), 0o755|os.ModeSetuid))
	must(os.Symlink("usr/bin", filepath.Join(root, "bin")))
	must(syscall.Mkfifo(filepath.Join(root, "etc/initctl"), 0o600))
	owned := os.Geteuid() == 0
	if owned {
		must(os.Chown(filepath.Join(root, "etc/shadow"), 0, 42))
		must(os.MkdirAll(filepath.Join(root, "dev"), 0o755))
		must(syscall.Mknod(filepath.Join(root, "dev/null"), syscall.S_IFCHR|0o666, 1<<8|3))
		must(os.Chmod(filepath.Join(root, "dev/null"), 0o666))
	}

	var buf bytes.Buffer
	if err := WriteDirTar(&buf, root, "rootfs/"); err != nil {
		t.Fatal(err)
	}
	got := readTar(t, &buf)

	want := []entry{
		{Name: "rootfs/bin", Type: tar.TypeSymlink, Linkname: "usr/bin", Mode: 0o777},
	}
	if owned {
		want = append(want,
			entry{Name: "rootfs/dev/", Type: tar.TypeDir, Mode: 0o755},
			entry{Name: "rootfs/dev/null", Type: tar.TypeChar, Mode: 0o666, Major: 1, Minor: 3})
	}
	shadowGID := 0
	if owned {
		shadowGID = 42
	}
	want = append(want,
		entry{Name: "rootfs/etc/", Type: tar.TypeDir, Mode: 0o755},
		entry{Name: "rootfs/etc/cron.d/", Type: tar.TypeDir, Mode: 0o755},
		entry{Name: "rootfs/etc/cron.d/job", Type: tar.TypeReg, Mode: 0o644, Content: "* * * * * root true\n"},
		entry{Name: "rootfs/etc/initctl", Type: tar.TypeFifo, Mode: 0o600},
		entry{Name: "rootfs/etc/shadow", Type: tar.TypeReg, Mode: 0o640, GID: shadowGID, Content: "root:*:19000:0:99999:7:::\n"},
		entry{Name: "rootfs/usr/", Type: tar.TypeDir, Mode: 0o755},
		entry{Name: "rootfs/usr/bin/", Type: tar.TypeDir, Mode: 0o755},
		entry{Name: "rootfs/usr/bin/gunzip", Type: tar.TypeReg, Mode: 0o755, Content: "#!/bin/sh\n"},
		entry{Name: "rootfs/usr/bin/su", Type: tar.TypeReg, Mode: 0o4755, Content: "elf"},
		entry{Name: "rootfs/usr/bin/uncompress", Type: tar.TypeLink, Linkname: "rootfs/usr/bin/gunzip", Mode: 0o755},
	)
	// Without root the files belong to whoever runs the test.
	if !owned {
		for i := range got {
			got[i].UID, got[i].GID = 0, 0
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("archive (-want +got):\n%s", diff)
	}
}

// readTar reads every header and regular file's content.
func readTar(t *testing.T, r io.Reader) []entry {
	t.Helper()
	var out []entry
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{
			Name: hdr.Name, Linkname: hdr.Linkname, Content: string(content), Type: hdr.Typeflag,
			Mode: hdr.Mode, UID: hdr.Uid, GID: hdr.Gid, Major: hdr.Devmajor, Minor: hdr.Devminor,
		})
	}
}

// TestFileLayer checks the layer's digests are the file's and that it reads
// back unchanged.
func TestFileLayer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "layer.tar")
	if err := os.WriteFile(path, []byte("tar bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := FileLayer(path)
	if err != nil {
		t.Fatal(err)
	}
	const want = "sha256:f266dfdf4b47f84f152466f715ac37313149f58fa3737911b96680f1b41d8df7"
	d, _ := l.Digest()
	id, _ := l.DiffID()
	size, _ := l.Size()
	mt, _ := l.MediaType()
	if d.String() != want || id.String() != want || size != 9 || mt != "application/vnd.oci.image.layer.v1.tar" {
		t.Errorf("digest %s, diffID %s, size %d, media type %s", d, id, size, mt)
	}
	rc, err := l.Compressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if b, _ := io.ReadAll(rc); string(b) != "tar bytes" {
		t.Errorf("blob %q", b)
	}
	if _, err := FileLayer(filepath.Join(t.TempDir(), "missing.tar")); err == nil {
		t.Error("FileLayer of a missing file: no error")
	}
}
