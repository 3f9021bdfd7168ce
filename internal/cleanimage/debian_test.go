package cleanimage

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/samples"
)

// debootstrapTimeout bounds a cold build of the Debian rootfs.
const debootstrapTimeout = 20 * time.Minute

// debianTar returns the path of a tar of a Debian bookworm minbase rootfs,
// built once with debootstrap (root needed) and cached under the test
// cache as debootstrap-bookworm-minbase.tar. Delete the file to rebuild.
// $CUSTOMS_DEBIAN_MIRROR replaces http://deb.debian.org/debian.
func debianTar(t testing.TB) string {
	t.Helper()
	path := filepath.Join(samples.CacheDir(t, ""), "debootstrap-bookworm-minbase.tar")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if testing.Short() {
		t.Skip("the Debian rootfs is not cached and -short forbids building it")
	}
	debootstrap, err := lookPath("debootstrap")
	if err != nil {
		samples.Unavailable(t, "debootstrap not installed (Debian package debootstrap)")
	}
	if os.Geteuid() != 0 {
		samples.Unavailable(t, "debootstrap needs root")
	}
	mirror := os.Getenv("CUSTOMS_DEBIAN_MIRROR")
	if mirror == "" {
		mirror = "http://deb.debian.org/debian"
	}
	root := filepath.Join(t.TempDir(), "rootfs")
	ctx, cancel := context.WithTimeout(context.Background(), debootstrapTimeout)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, debootstrap, "--variant=minbase", "bookworm", root, mirror)
	cmd.Env = append(os.Environ(), "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
	out, err := cmd.CombinedOutput()
	if err != nil {
		samples.Unavailable(t, "debootstrap bookworm from "+mirror+" failed: "+err.Error()+": "+tail(string(out), 10))
	}
	t.Logf("debootstrap bookworm minbase from %s in %v", mirror, time.Since(start).Round(time.Second))
	if err := samples.WriteAtomic(path, func(w io.Writer) error { return WriteDirTar(w, root, "") }); err != nil {
		t.Fatalf("caching the Debian rootfs: %v", err)
	}
	return path
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// debianConfig is the config of the official debian image.
func debianConfig() v1.Config {
	return v1.Config{
		Cmd: []string{"bash"},
		Env: []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
	}
}

// TestDebian inspects a Debian bookworm minbase rootfs: its cron jobs,
// init scripts, systemd units, profile.d, PAM and shadow files, and
// binaries naming ssh-keygen or nc must not look malicious.
func TestDebian(t *testing.T) {
	tarPath := debianTar(t)
	ref := layout(t, "debian:bookworm-minbase", debianConfig(),
		step{CreatedBy: "debootstrap --variant=minbase bookworm", Layer: tarLayer(t, tarPath)})
	r := inspect(t, ref)
	if r.Image.OS == nil || r.Image.OS.ID != "debian" || r.Image.OS.VersionID != "12" {
		t.Fatalf("OS = %+v, want Debian 12: the rootfs is not what the suite means to test", r.Image.OS)
	}
	if r.Image.Files < 3000 {
		t.Errorf("%d files, want a full minbase rootfs (several thousand)", r.Image.Files)
	}
	assertClean(t, r)
}
