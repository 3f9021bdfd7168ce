package integration

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildCustoms builds cmd/customs into a temp dir, as a user would run it.
func buildCustoms(t *testing.T) string {
	t.Helper()
	gobin := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		if gobin, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build customs with")
		}
	}
	bin := filepath.Join(t.TempDir(), "customs")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", bin, "github.com/customs-oss/customs/cmd/customs")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building customs: %v\n%s", err, out)
	}
	return bin
}

// runBinary runs the customs binary with exactly env as its environment.
func runBinary(t *testing.T, bin string, env []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running customs: %v", err)
	}
	return parseResult(t, code, stdout.String(), stderr.String())
}

// TestBinaryRegistryCredentials runs the built binary against a real
// registry, with credentials from a Docker config directory and from a
// pipe on standard input.
func TestBinaryRegistryCredentials(t *testing.T) {
	reg := startRegistry(t)
	bin := buildCustoms(t)
	problems := problemsImage(t)
	ref := reg.push(t, "demo/problems:latest", problems.Image)
	home := t.TempDir()
	base := []string{"HOME=" + home, "XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "TMPDIR=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	args := []string{"inspect", ref, "--insecure-registry", reg.Host, "--format", "json"}
	tests := []struct {
		name    string
		env     []string
		stdin   string
		args    []string
		wantErr string
	}{
		{name: "docker config", env: []string{"DOCKER_CONFIG=" + dockerConfig(t, reg.Host, reg.User, reg.Password)}},
		{name: "password on stdin", stdin: reg.Password + "\n", args: []string{"--username", reg.User, "--password-stdin"}},
		{name: "docker config with a wrong password", env: []string{"DOCKER_CONFIG=" + dockerConfig(t, reg.Host, reg.User, "wrong")}, wantErr: "UNAUTHORIZED"},
		{name: "docker config for another registry", env: []string{"DOCKER_CONFIG=" + dockerConfig(t, "127.0.0.2:1", reg.User, reg.Password)}, wantErr: "UNAUTHORIZED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := append(append([]string{}, base...), tt.env...)
			res := runBinary(t, bin, env, tt.stdin, append(append([]string{}, args...), tt.args...)...)
			if tt.wantErr != "" {
				res.mustFail(t, "inspecting "+ref, tt.wantErr)
				return
			}
			got := res.mustReport(t)
			if got.Image.Digest != problems.Digest.String() || res.code != 3 {
				t.Errorf("digest %s exit %d, want %s and exit 3 (rejected)", got.Image.Digest, res.code, problems.Digest)
			}
			if strings.Contains(res.stdout+res.stderr, reg.Password) {
				t.Errorf("the output shows the registry password")
			}
		})
	}
	// The runs above used the default cache: a second run reads layer facts
	// from it and must report the same.
	first := runBinary(t, bin, append(base, "DOCKER_CONFIG="+dockerConfig(t, reg.Host, reg.User, reg.Password)), "", args...).mustReport(t)
	if entries, err := os.ReadDir(filepath.Join(home, "cache", "customs")); err != nil || len(entries) == 0 {
		t.Errorf("the layer cache under XDG_CACHE_HOME is empty (%v)", err)
	}
	sameContent(t, first, runBinary(t, bin, append(base, "DOCKER_CONFIG="+dockerConfig(t, reg.Host, reg.User, reg.Password)), "", args...).mustReport(t), sameBlobs)
}
