package cleanimage

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
)

// goProgram is a small server of the kind shipped in scratch images: its
// binary holds the Go runtime, net/http, crypto/tls with its root-pool
// loading, os/exec and encoding/json.
const goProgram = `package main

import (
	"crypto/tls"
	"encoding/json"
	"log"
	"net/http"
	"os/exec"
)

func main() {
	http.HandleFunc("/version", func(w http.ResponseWriter, r *http.Request) {
		out, _ := exec.CommandContext(r.Context(), "uname", "-a").Output()
		_ = json.NewEncoder(w).Encode(map[string]string{"uname": string(out)})
	})
	srv := &http.Server{Addr: ":8443", TLSConfig: &tls.Config{MinVersion: tls.VersionTLS12}}
	log.Fatal(srv.ListenAndServeTLS("/etc/app/tls.crt", "/etc/app/tls.key"))
}
`

// goBuild builds pkg (a package path resolved from the working directory
// wd) into a temp dir as name and returns the binary's path. CGO is off,
// as for scratch images.
func goBuild(t testing.TB, wd, pkg, name string) string {
	t.Helper()
	gobin, err := lookPath("go")
	if err != nil {
		t.Fatalf("go not found: %v", err)
	}
	out := filepath.Join(t.TempDir(), name)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, gobin, "build", "-trimpath", "-o", out, pkg)
	cmd.Dir = wd
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// TestGoBinaries inspects a scratch-style image holding two Go binaries: a
// small TLS server and customs itself, whose tables of secret patterns,
// miner names and shell snippets must not be mistaken for the real thing.
func TestGoBinaries(t *testing.T) {
	if testing.Short() {
		t.Skip("building Go binaries is slow for -short")
	}
	src := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":  "module example.com/app\n\ngo 1.22\n",
		"main.go": goProgram,
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	app := goBuild(t, src, ".", "app")
	customs := goBuild(t, "../..", "./cmd/customs", "customs")
	t.Logf("built both binaries in %v", time.Since(start).Round(time.Millisecond))

	root := t.TempDir()
	for dst, bin := range map[string]string{"usr/local/bin/app": app, "usr/local/bin/customs": customs} {
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cfg := v1.Config{User: "65532:65532", Entrypoint: []string{"/usr/local/bin/app"}, ExposedPorts: map[string]struct{}{"8443/tcp": {}}}
	ref := layout(t, "app:go", cfg, step{CreatedBy: "COPY app customs /usr/local/bin/", Layer: dirLayer(t, root, "")})
	assertClean(t, inspect(t, ref))
}
