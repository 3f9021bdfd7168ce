package integration

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

// registryServer is a docker-registry (distribution v2) process with
// htpasswd authentication, storing into a temp dir.
type registryServer struct {
	Host           string // 127.0.0.1:PORT
	User, Password string
	Root           string // the storage root directory
	log            string
}

const registryConfig = `version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: %s
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: %s
  secret: %s
auth:
  htpasswd:
    realm: customs-integration
    path: %s
`

func randomToken(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// htpasswdLine is one user's line of an htpasswd file, bcrypt-hashed as
// distribution requires, made by Apache's htpasswd with the password on
// its standard input.
func htpasswdLine(htpasswd, user, password string) (string, error) {
	cmd := exec.Command(htpasswd, "-niB", "-C", "4", user)
	cmd.Stdin = strings.NewReader(password + "\n")
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("hashing the password with %s: %w", htpasswd, err)
	}
	line := strings.TrimSpace(string(out))
	if !strings.HasPrefix(line, user+":$2") {
		return "", fmt.Errorf("%s wrote %q, not a bcrypt line", htpasswd, line)
	}
	return line + "\n", nil
}

// freePort returns a loopback port nobody listened on a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startRegistry starts docker-registry on a free loopback port and stops it
// when the test ends. A port taken between choosing and binding is retried.
func startRegistry(t *testing.T) *registryServer {
	t.Helper()
	bins := require(t, "docker-registry", "htpasswd")
	bin := bins["docker-registry"]
	dir := t.TempDir()
	r := &registryServer{User: "customs", Password: randomToken(t), Root: filepath.Join(dir, "storage"), log: filepath.Join(dir, "registry.log")}
	line, err := htpasswdLine(bins["htpasswd"], r.User, r.Password)
	if err != nil {
		t.Fatal(err)
	}
	htpasswd := filepath.Join(dir, "htpasswd")
	if err := os.WriteFile(htpasswd, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		r.Host = fmt.Sprintf("127.0.0.1:%d", freePort(t))
		cfg := filepath.Join(dir, "config.yml")
		if err := os.WriteFile(cfg, []byte(fmt.Sprintf(registryConfig, r.Root, r.Host, randomToken(t), htpasswd)), 0o600); err != nil {
			t.Fatal(err)
		}
		if lastErr = r.run(t, bin, cfg); lastErr == nil {
			return r
		}
	}
	t.Fatalf("starting docker-registry: %v\n%s", lastErr, tail(r.log))
	return nil
}

// run starts the registry and waits until /v2/ asks for credentials.
func (r *registryServer) run(t *testing.T, bin, cfg string) error {
	logf, err := os.OpenFile(r.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(bin, "serve", cfg)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("running %s: %w", bin, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logf.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = waitFor(ctx, exited, func() bool {
		resp, err := http.Get("http://" + r.Host + "/v2/")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusUnauthorized
	})
	if err != nil {
		stop(cmd, exited, 10*time.Second)
		return err
	}
	t.Cleanup(func() {
		if err := stop(cmd, exited, 10*time.Second); err != nil {
			t.Errorf("stopping docker-registry: %v", err)
		}
		if t.Failed() {
			t.Logf("docker-registry log:\n%s", tail(r.log))
		}
	})
	return nil
}

// waitFor polls ready until it is true, the process exits or ctx ends.
func waitFor(ctx context.Context, exited <-chan error, ready func() bool) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		if ready() {
			return nil
		}
		select {
		case err := <-exited:
			return fmt.Errorf("exited before it was ready: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("not ready: %w", ctx.Err())
		case <-tick.C:
		}
	}
}

// stop ends a process started in its own process group: SIGTERM, then
// SIGKILL to the group after grace.
func stop(cmd *exec.Cmd, exited <-chan error, grace time.Duration) error {
	if cmd.Process == nil {
		return nil
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("signalling %d: %w", cmd.Process.Pid, err)
	}
	select {
	case <-exited:
		return nil
	case <-time.After(grace):
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		return fmt.Errorf("killing process group %d: %w", cmd.Process.Pid, err)
	}
	select {
	case <-exited:
		return fmt.Errorf("process %d ignored SIGTERM for %v and was killed", cmd.Process.Pid, grace)
	case <-time.After(grace):
		return fmt.Errorf("process %d survived SIGKILL", cmd.Process.Pid)
	}
}

// tail returns the end of a log file, for failure messages.
func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// push writes an image or an index to repo (name:tag) in the registry and
// returns the reference as customs is given it.
func (r *registryServer) push(t *testing.T, repo string, v any) string {
	t.Helper()
	ref, err := name.ParseReference(r.Host+"/"+repo, name.Insecure)
	if err != nil {
		t.Fatal(err)
	}
	opts := []remote.Option{remote.WithAuth(&authn.Basic{Username: r.User, Password: r.Password})}
	switch v := v.(type) {
	case v1.Image:
		err = remote.Write(ref, v, opts...)
	case v1.ImageIndex:
		err = remote.WriteIndex(ref, v, opts...)
	default:
		t.Fatalf("cannot push %T", v)
	}
	if err != nil {
		t.Fatalf("pushing %s: %v", ref, err)
	}
	return ref.String()
}

// blobFile is where distribution's filesystem driver keeps a blob.
func (r *registryServer) blobFile(h v1.Hash) string {
	return filepath.Join(r.Root, "docker", "registry", "v2", "blobs", h.Algorithm, h.Hex[:2], h.Hex, "data")
}

// tamper flips one byte of a stored blob, keeping its size, so the registry
// serves content that no longer matches its digest.
func (r *registryServer) tamper(t *testing.T, h v1.Hash) {
	t.Helper()
	p := r.blobFile(h)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("reading stored blob %s: %v", h, err)
	}
	b[len(b)/2] ^= 0x01
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// dockerConfig writes a Docker config directory whose config.json holds
// base64 credentials for host, and returns it.
func dockerConfig(t *testing.T, host, user, password string) string {
	t.Helper()
	dir := t.TempDir()
	auth := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	cfg := fmt.Sprintf(`{"auths":{%q:{"auth":%q}}}`, host, auth)
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}
