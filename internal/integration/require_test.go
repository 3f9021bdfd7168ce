package integration

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mustRunEnv reports whether the environment demands the integration tests
// run: then a missing prerequisite is a failure, not a skip.
func mustRunEnv(getenv func(string) string) bool {
	return getenv("CUSTOMS_REQUIRE_INTEGRATION") == "1" || getenv("CI") == "true"
}

// prerequisites finds each binary with look and checks the user is root. It
// returns the binaries' paths, or why the tests cannot run.
func prerequisites(binaries []string, euid int, look func(string) (string, error)) (map[string]string, string) {
	paths := map[string]string{}
	var missing []string
	for _, b := range binaries {
		p, err := look(b)
		if err != nil {
			missing = append(missing, b)
			continue
		}
		paths[b] = p
	}
	var why []string
	if len(missing) > 0 {
		why = append(why, "missing "+strings.Join(missing, ", "))
	}
	if euid != 0 {
		why = append(why, fmt.Sprintf("not root (uid %d)", euid))
	}
	return paths, strings.Join(why, "; ")
}

// lookPath finds a binary on PATH or in the system directories root's
// tools live in, which a test's PATH may leave out.
func lookPath(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, dir := range []string{"/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"} {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found", name)
}

// require returns the paths of binaries, or skips the test when one is
// missing or the user is not root. It fails instead when
// CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true. -short, an explicit request for
// quick tests, always skips.
func require(t *testing.T, binaries ...string) map[string]string {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test skipped in -short mode")
	}
	paths, why := prerequisites(binaries, os.Geteuid(), lookPath)
	if why == "" {
		return paths
	}
	if mustRunEnv(os.Getenv) {
		t.Fatalf("integration test cannot run: %s (CUSTOMS_REQUIRE_INTEGRATION=1 or CI=true demands it; run 'bash scripts/install-test-deps.sh' as root)", why)
	}
	t.Skipf("integration test skipped: %s (run 'bash scripts/install-test-deps.sh' as root)", why)
	return nil
}

func TestMustRunEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want bool
	}{
		{env: nil, want: false},
		{env: map[string]string{"CUSTOMS_REQUIRE_INTEGRATION": "1"}, want: true},
		{env: map[string]string{"CUSTOMS_REQUIRE_INTEGRATION": "0"}, want: false},
		{env: map[string]string{"CI": "true"}, want: true},
		{env: map[string]string{"CI": "1"}, want: false},
		{env: map[string]string{"CI": "false", "CUSTOMS_REQUIRE_INTEGRATION": "1"}, want: true},
	}
	for _, tt := range tests {
		if got := mustRunEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("mustRunEnv(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestPrerequisites(t *testing.T) {
	look := func(name string) (string, error) {
		if name == "dockerd" {
			return "/usr/sbin/dockerd", nil
		}
		return "", fmt.Errorf("%s not found", name)
	}
	tests := []struct {
		name      string
		binaries  []string
		euid      int
		wantPaths map[string]string
		wantWhy   string
	}{
		{name: "all there as root", binaries: []string{"dockerd"}, euid: 0, wantPaths: map[string]string{"dockerd": "/usr/sbin/dockerd"}},
		{name: "missing binary", binaries: []string{"dockerd", "docker-registry"}, euid: 0, wantPaths: map[string]string{"dockerd": "/usr/sbin/dockerd"}, wantWhy: "missing docker-registry"},
		{name: "not root", binaries: []string{"dockerd"}, euid: 1000, wantPaths: map[string]string{"dockerd": "/usr/sbin/dockerd"}, wantWhy: "not root (uid 1000)"},
		{name: "both", binaries: []string{"a", "b"}, euid: 1000, wantPaths: map[string]string{}, wantWhy: "missing a, b; not root (uid 1000)"},
	}
	for _, tt := range tests {
		paths, why := prerequisites(tt.binaries, tt.euid, look)
		if why != tt.wantWhy || fmt.Sprint(paths) != fmt.Sprint(tt.wantPaths) {
			t.Errorf("%s: got %v %q, want %v %q", tt.name, paths, why, tt.wantPaths, tt.wantWhy)
		}
	}
}
