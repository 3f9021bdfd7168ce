package samples

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Fatal and Skip instead of ending
// the real test, so that the paths that end a test can be tested.
type recorder struct {
	testing.TB
	failed, skipped string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// capture runs fn with a recorder in its own goroutine, which Fatalf and
// Skipf end the way the testing package would.
func capture(t *testing.T, fn func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(r)
	}()
	<-done
	return r
}

// fakeNpm puts on PATH an npm that copies tgz into the --pack-destination
// directory, or fails when tgz is empty. It also clears the variables that
// turn a skip into a failure.
func fakeNpm(t *testing.T, tgz []byte) {
	t.Helper()
	bin := t.TempDir()
	src := filepath.Join(bin, "package.tgz")
	script := "#!/bin/sh\necho 'npm error network unreachable' >&2\nexit 1\n"
	if tgz != nil {
		if err := os.WriteFile(src, tgz, 0o644); err != nil {
			t.Fatal(err)
		}
		script = "#!/bin/sh\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = --pack-destination ]; then cp '" + src + "' \"$2/fake-1.0.0.tgz\"; exit $?; fi\n  shift\ndone\nexit 2\n"
	}
	if err := os.WriteFile(filepath.Join(bin, "npm"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+":/usr/bin:/bin")
	t.Setenv("CUSTOMS_SAMPLES_DIR", t.TempDir())
	t.Setenv("CUSTOMS_REQUIRE_INTEGRATION", "")
	t.Setenv("CI", "")
}

func fakeSample() npmSample {
	return npmSample{Spec: "fake@1.0.0", Members: []member{{Path: "package/bin/x", SHA256: digest([]byte("hello"))}}}
}

func TestFetch(t *testing.T) {
	if testing.Short() {
		t.Skip("fetch refuses to download in -short mode")
	}
	tests := []struct {
		name        string
		tgz         []byte
		ci          bool
		want        string
		wantFailed  string
		wantSkipped string
	}{
		{name: "fetched and verified", tgz: makeTgz(t, tgzEntry{Name: "package/bin/x", Content: "hello"}), want: "hello"},
		{name: "digest mismatch fails", tgz: makeTgz(t, tgzEntry{Name: "package/bin/x", Content: "tampered"}), wantFailed: "has sha256"},
		{name: "member missing fails", tgz: makeTgz(t, tgzEntry{Name: "package/other", Content: "hello"}), wantFailed: "missing package/bin/x"},
		{name: "registry unreachable skips", wantSkipped: "network unreachable"},
		{name: "registry unreachable fails under CI", ci: true, wantFailed: "network unreachable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakeNpm(t, tt.tgz)
			if tt.ci {
				t.Setenv("CI", "true")
			}
			var got [][]byte
			r := capture(t, func(tb testing.TB) { got = fakeSample().fetch(tb) })
			if !strings.Contains(r.failed, tt.wantFailed) || (tt.wantFailed == "") != (r.failed == "") {
				t.Errorf("failed %q, want %q", r.failed, tt.wantFailed)
			}
			if !strings.Contains(r.skipped, tt.wantSkipped) || (tt.wantSkipped == "") != (r.skipped == "") {
				t.Errorf("skipped %q, want %q", r.skipped, tt.wantSkipped)
			}
			if tt.want == "" {
				return
			}
			if len(got) != 1 || string(got[0]) != tt.want {
				t.Fatalf("got %q, want [%q]", got, tt.want)
			}
			// The second call must come from the cache: npm now fails.
			fakeNpmFailing(t)
			r = capture(t, func(tb testing.TB) { got = fakeSample().fetch(tb) })
			if r.failed != "" || r.skipped != "" || len(got) != 1 || string(got[0]) != tt.want {
				t.Errorf("from the cache: got %q (failed %q, skipped %q), want [%q]", got, r.failed, r.skipped, tt.want)
			}
		})
	}
}

// fakeNpmFailing replaces npm with one that always fails, keeping the cache.
func fakeNpmFailing(t *testing.T) {
	t.Helper()
	dir := os.Getenv("CUSTOMS_SAMPLES_DIR")
	fakeNpm(t, nil)
	t.Setenv("CUSTOMS_SAMPLES_DIR", dir)
}

func TestFetchWithoutNpm(t *testing.T) {
	if testing.Short() {
		t.Skip("fetch refuses to download in -short mode")
	}
	fakeNpm(t, nil)
	t.Setenv("PATH", t.TempDir())
	r := capture(t, func(tb testing.TB) { fakeSample().fetch(tb) })
	if !strings.Contains(r.skipped, "npm not found") {
		t.Errorf("skipped %q, failed %q; want a skip naming the missing npm", r.skipped, r.failed)
	}
}
