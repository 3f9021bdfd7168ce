package integration

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

// engineServer is a dockerd of the test's own: vfs storage, no iptables,
// no bridge, its data, exec root and socket in a private directory.
type engineServer struct {
	Host   string // unix://DIR/d.sock
	client *http.Client
	dir    string
	log    string
}

// startEngine starts dockerd and stops it when the test ends. Its socket
// lives in a short directory under /tmp: unix socket paths are limited to
// 108 bytes, and t.TempDir's are long.
func startEngine(t *testing.T) *engineServer {
	t.Helper()
	bins := require(t, "dockerd", "containerd", "runc")
	dir, err := os.MkdirTemp("", "cd")
	if err != nil {
		t.Fatal(err)
	}
	e := &engineServer{dir: dir, log: filepath.Join(dir, "dockerd.log")}
	sock := filepath.Join(dir, "d.sock")
	e.Host = "unix://" + sock
	e.client = &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, "unix", sock)
		},
	}}
	cfg := filepath.Join(dir, "daemon.json")
	if err := os.WriteFile(cfg, []byte("{}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(e.log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bins["dockerd"],
		"--config-file", cfg,
		"--storage-driver=vfs", "--iptables=false", "--bridge=none",
		"--data-root", filepath.Join(dir, "data"),
		"--exec-root", filepath.Join(dir, "x"),
		"--pidfile", filepath.Join(dir, "dockerd.pid"),
		"-H", e.Host,
	)
	// dockerd starts containerd and runc from PATH.
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bins["containerd"])+":"+filepath.Dir(bins["runc"])+":"+os.Getenv("PATH"))
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logf.Close()
		os.RemoveAll(dir)
		t.Fatalf("starting dockerd: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logf.Close() }()
	t.Cleanup(func() {
		if err := stop(cmd, exited, 30*time.Second); err != nil {
			t.Errorf("stopping dockerd: %v", err)
		}
		if t.Failed() {
			t.Logf("dockerd log:\n%s", tail(e.log))
		}
		if err := removeAll(dir); err != nil {
			t.Errorf("removing the engine's directory: %v", err)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if err := waitFor(ctx, exited, func() bool { return e.ping(ctx) }); err != nil {
		t.Fatalf("dockerd: %v\n%s", err, tail(e.log))
	}
	return e
}

func (e *engineServer) ping(ctx context.Context) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://docker/_ping", nil)
	if err != nil {
		return false
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64))
	return resp.StatusCode == http.StatusOK && string(b) == "OK"
}

// load posts a `docker save` tarball to the engine, as `docker load` does,
// and fails the test on any error the engine streams back.
func (e *engineServer) load(t *testing.T, archive string) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://docker/images/load?quiet=1", f)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-tar")
	resp, err := e.client.Do(req)
	if err != nil {
		t.Fatalf("loading images: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		t.Fatalf("loading images: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("loading images: %s: %s", resp.Status, body)
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		var msg struct {
			Stream, Error string
		}
		if err := json.Unmarshal(sc.Bytes(), &msg); err != nil {
			t.Fatalf("loading images: unreadable answer %q: %v", sc.Text(), err)
		}
		if msg.Error != "" {
			t.Fatalf("loading images: %s", msg.Error)
		}
	}
}

// saveArchive writes images as one `docker save` tarball, each under its
// tag, and returns its path.
func saveArchive(t *testing.T, images map[string]v1.Image) string {
	t.Helper()
	refs := map[name.Tag]v1.Image{}
	for tag, img := range images {
		ref, err := name.NewTag(tag)
		if err != nil {
			t.Fatal(err)
		}
		refs[ref] = img
	}
	p := filepath.Join(t.TempDir(), "images.tar")
	if err := tarball.MultiWriteToFile(p, refs); err != nil {
		t.Fatalf("writing %s: %v", p, err)
	}
	return p
}

// removeAll removes dir after unmounting anything the engine left mounted
// inside it.
func removeAll(dir string) error {
	if mounts, err := os.ReadFile("/proc/self/mounts"); err == nil {
		lines := strings.Split(string(mounts), "\n")
		for i := len(lines) - 1; i >= 0; i-- {
			fields := strings.Fields(lines[i])
			if len(fields) > 1 && strings.HasPrefix(fields[1], dir+"/") {
				if err := syscall.Unmount(fields[1], syscall.MNT_DETACH); err != nil {
					return fmt.Errorf("unmounting %s: %w", fields[1], err)
				}
			}
		}
	}
	return os.RemoveAll(dir)
}
