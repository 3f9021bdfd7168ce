package cleanimage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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

// npmPackages are popular packages whose trees hold what naive detectors
// trip on: bundled and minified JavaScript with base64 blobs, test
// fixtures and example keys (jsonwebtoken, node-forge, ssh2), IP
// addresses and URLs in documentation, child_process and net use.
func npmPackages() []string {
	return []string{
		"express", "lodash", "webpack", "typescript", "react", "react-dom", "axios", "moment", "jest",
		"jsonwebtoken", "node-forge", "ssh2", "dotenv", "nodemailer", "ws", "socket.io",
	}
}

// npmTimeout bounds a cold npm install of npmPackages.
const npmTimeout = 10 * time.Minute

// nodeModulesTar returns a tar of the node_modules tree npm installs for
// npmPackages (entries under app/node_modules/), built once and cached in
// the test cache under a name keyed by the package list. npm runs with
// --ignore-scripts: no package code is executed.
func nodeModulesTar(t testing.TB) string {
	t.Helper()
	pkgs := npmPackages()
	sum := sha256.Sum256([]byte(strings.Join(pkgs, "\n")))
	path := filepath.Join(samples.CacheDir(t, ""), "npm-node_modules-"+hex.EncodeToString(sum[:6])+".tar")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if testing.Short() {
		t.Skip("node_modules is not cached and -short forbids installing it")
	}
	npm, err := lookPath("npm")
	if err != nil {
		samples.Unavailable(t, "npm not installed (Debian package npm)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"name":"app","version":"1.0.0","private":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), npmTimeout)
	defer cancel()
	start := time.Now()
	args := append([]string{"install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-progress"}, pkgs...)
	cmd := exec.CommandContext(ctx, npm, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		samples.Unavailable(t, "npm install from the registry failed: "+err.Error()+": "+tail(string(out), 10))
	}
	t.Logf("npm install of %d packages in %v", len(pkgs), time.Since(start).Round(time.Second))
	err = samples.WriteAtomic(path, func(w io.Writer) error {
		return WriteDirTar(w, filepath.Join(dir, "node_modules"), "app/node_modules/")
	})
	if err != nil {
		t.Fatalf("caching node_modules: %v", err)
	}
	return path
}

// TestNpm inspects a Node.js application's dependencies on top of Debian,
// the way a node image is built: none of the packages may look malicious.
func TestNpm(t *testing.T) {
	modules := nodeModulesTar(t)
	cfg := v1.Config{
		User:       "1000",
		WorkingDir: "/app",
		Cmd:        []string{"node", "server.js"},
		Env:        []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_ENV=production"},
	}
	ref := layout(t, "app:npm", cfg,
		step{CreatedBy: "npm ci --omit=dev", Layer: tarLayer(t, modules)})
	r := inspect(t, ref)
	if r.Image.Files < 5000 {
		t.Errorf("%d files, want a large node_modules tree", r.Image.Files)
	}
	assertClean(t, r)
}
