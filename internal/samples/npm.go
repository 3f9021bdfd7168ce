package samples

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// npmTimeout bounds one npm run; the registry answers in seconds.
const npmTimeout = 3 * time.Minute

// errNoNpm is returned when npm is not installed.
var errNoNpm = errors.New("npm not found (Debian package npm)")

// npmPack downloads the package tarball of spec (name@version) into dir
// with `npm pack`, without running any of its scripts, and returns its
// path. Nothing of the package is executed or installed.
func npmPack(ctx context.Context, spec, dir string) (string, error) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errNoNpm
	}
	ctx, cancel := context.WithTimeout(ctx, npmTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, npm, "pack", spec, "--ignore-scripts", "--silent", "--pack-destination", dir)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm pack %s: %w: %s", spec, err, lastLines(stderr.String(), 5))
	}
	matches, err := filepath.Glob(filepath.Join(dir, "*.tgz"))
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w", spec, err)
	}
	if len(matches) != 1 {
		return "", fmt.Errorf("npm pack %s: want one .tgz in %q, found %d", spec, dir, len(matches))
	}
	return matches[0], nil
}

// lastLines returns the last n non-empty lines of s, for error messages.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}

// readTgz opens the tarball npm wrote and extracts the named members.
func readTgz(path string, members []string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	files, err := extractTgz(f, members, npmLimits())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return files, nil
}
