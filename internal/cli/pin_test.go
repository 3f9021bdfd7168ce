package cli

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/random"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

func runCustoms(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func pushRandom(t *testing.T, ref string, index bool) string {
	t.Helper()
	r, err := name.ParseReference(ref)
	if err != nil {
		t.Fatal(err)
	}
	var d v1.Hash
	if index {
		idx, err := random.Index(64, 1, 2)
		if err != nil {
			t.Fatal(err)
		}
		if err := remote.WriteIndex(r, idx); err != nil {
			t.Fatal(err)
		}
		d, err = idx.Digest()
		if err != nil {
			t.Fatal(err)
		}
		return d.String()
	}
	img, err := random.Image(64, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := remote.Write(r, img); err != nil {
		t.Fatal(err)
	}
	if d, err = img.Digest(); err != nil {
		t.Fatal(err)
	}
	return d.String()
}

// TestPinMovedTag pins files against a registry, then moves a tag and
// expects --check to fail naming the recorded and the new digest.
func TestPinMovedTag(t *testing.T) {
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	first := pushRandom(t, host+"/team/app:v1", false)
	multi := pushRandom(t, host+"/team/multi:v2", true)

	dir := t.TempDir()
	dockerfile := filepath.Join(dir, "Dockerfile")
	compose := filepath.Join(dir, "compose.yaml")
	lock := filepath.Join(dir, "customs.lock")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(dockerfile, "# build\nARG BASE="+host+"/team/app:v1\nFROM ${BASE} AS base\nCOPY --from="+host+"/team/multi:v2 /a /b\n")
	write(compose, "services:\n  app:\n    image: \""+host+"/team/app:v1\" # app\n")

	code, out, errOut := runCustoms(t, "pin", "--lock", lock, "--insecure-registry", host, dockerfile, compose)
	if code != ExitAccept {
		t.Fatalf("pin: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"FILE:LINE", dockerfile + ":2", host + "/team/app:v1@" + first, host + "/team/multi:v2@" + multi, compose + ":3"} {
		if !strings.Contains(out, want) {
			t.Errorf("pin table lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(lock); err == nil {
		t.Error("pin without --write wrote the lock file")
	}

	if code, out, _ = runCustoms(t, "pin", "--check", "--lock", lock, dockerfile); code != ExitReject || !strings.Contains(out, "not pinned") {
		t.Errorf("--check of unpinned files: exit %d, want 3:\n%s", code, out)
	}

	if code, out, errOut = runCustoms(t, "pin", "--write", "--lock", lock, dockerfile, compose); code != ExitAccept {
		t.Fatalf("pin --write: exit %d\n%s%s", code, out, errOut)
	}
	wantDockerfile := "# build\nARG BASE=" + host + "/team/app:v1@" + first + "\nFROM ${BASE} AS base\nCOPY --from=" + host + "/team/multi:v2@" + multi + " /a /b\n"
	wantCompose := "services:\n  app:\n    image: \"" + host + "/team/app:v1@" + first + "\" # app\n"
	wantLock := "{\n  \"version\": 1,\n  \"images\": {\n    \"" + host + "/team/app:v1\": \"" + first + "\",\n    \"" + host + "/team/multi:v2\": \"" + multi + "\"\n  }\n}\n"
	for p, want := range map[string]string{dockerfile: wantDockerfile, compose: wantCompose, lock: wantLock} {
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s after --write:\n%s\nwant:\n%s", filepath.Base(p), got, want)
		}
	}

	if code, out, errOut = runCustoms(t, "pin", "--check", "--lock", lock, dockerfile, compose); code != ExitAccept {
		t.Fatalf("--check after --write: exit %d\n%s%s", code, out, errOut)
	}

	// The tag moves: the same name now serves a different image.
	moved := pushRandom(t, host+"/team/app:v1", false)
	code, out, _ = runCustoms(t, "pin", "--check", "--lock", lock, dockerfile, compose)
	if code != ExitReject {
		t.Fatalf("--check after the tag moved: exit %d, want 3\n%s", code, out)
	}
	for _, want := range []string{"tag moved", first, moved, dockerfile + ":2", compose + ":3"} {
		if !strings.Contains(out, want) {
			t.Errorf("--check output lacks %q:\n%s", want, out)
		}
	}

	// A pinned digest that the registry does not have fails the check.
	write(dockerfile, "FROM "+host+"/team/app@sha256:"+strings.Repeat("0", 64)+"\n")
	if code, out, _ = runCustoms(t, "pin", "--check", "--lock", lock, dockerfile); code != ExitReject || !strings.Contains(out, "not found") {
		t.Errorf("--check of a missing digest: exit %d, want 3:\n%s", code, out)
	}
	// An unreachable tag is an error, not a verdict.
	write(dockerfile, "FROM "+host+"/team/none:v1\n")
	if code, _, errOut = runCustoms(t, "pin", "--lock", lock, dockerfile); code != ExitError || !strings.Contains(errOut, "none:v1") {
		t.Errorf("pin of a missing tag: exit %d, want 1:\n%s", code, errOut)
	}
}

func TestPinUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pin"}, ExitUsage, "at least one PATH"},
		{[]string{"pin", "--write", "--check", "x"}, ExitUsage, "do not go together"},
		{[]string{"pin", "--username", "u", "x"}, ExitUsage, "needs --password-stdin"},
		{[]string{"pin", "--password-stdin", "x"}, ExitUsage, "needs --username"},
		{[]string{"pin", "--bogus"}, ExitUsage, "unknown flag"},
		{[]string{"pin", filepath.Join(t.TempDir(), "missing")}, ExitError, "missing"},
	}
	for _, tt := range tests {
		code, _, errOut := runCustoms(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("customs %v: exit %d %q, want exit %d containing %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
