package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAge(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "less than an hour old"},
		{59 * time.Minute, "less than an hour old"},
		{90 * time.Minute, "1 hour old"},
		{47 * time.Hour, "47 hours old"},
		{12*24*time.Hour + time.Hour, "12 days old"},
	} {
		if got := age(tc.d); got != tc.want {
			t.Errorf("age(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// TestDBUpdate runs 'customs db update' against a local server serving an
// archive of real Go records the way OSV does, twice: the second run is a
// conditional request answered 304.
func TestDBUpdate(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, id := range []string{"GO-2020-0001", "GO-2024-3012"} {
		data, err := os.ReadFile(filepath.Join("..", "vulndb", "testdata", "go", id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(id + ".json")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	var paths []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		if r.URL.Path != "/Go/all.zip" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		w.Write(buf.Bytes())
	}))
	defer ts.Close()
	dbPath := filepath.Join(t.TempDir(), "v.db")
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		env := Env{Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string {
			if k == "CUSTOMS_OSV_URL" {
				return ts.URL
			}
			return ""
		}}
		code := Run(context.Background(), append([]string{"db"}, args...), env)
		return code, stdout.String(), stderr.String()
	}
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"update", "--db", dbPath, "--ecosystem", "Go"}, ExitAccept, "osv/Go: 2 records\n", ""},
		{[]string{"update", "--db", dbPath, "--ecosystem", "Go"}, ExitAccept, "osv/Go: unchanged\n", ""},
		{[]string{"update", "--db", dbPath, "--ecosystem", "Nope"}, ExitError, "", "404 Not Found: is the ecosystem spelled as OSV spells it"},
		{[]string{"update", "--db", dbPath, "--ecosystem", " , "}, ExitUsage, "", "names no ecosystem"},
		{[]string{"update", "--db", dbPath, "--ecosystem", "Go", "--offline"}, ExitError, "", "downloads are turned off"},
	} {
		code, stdout, stderr := run(tc.args...)
		if code != tc.code || stdout != tc.stdout || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("customs db %s = %d, %q, %q; want %d, %q, stderr with %q", strings.Join(tc.args, " "), code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
		}
	}
	if want := []string{"/Go/all.zip", "/Go/all.zip", "/Nope/all.zip"}; strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("requests %v, want %v", paths, want)
	}
	code, stdout, _ := run("status", "--db", dbPath)
	if code != ExitAccept || !strings.Contains(stdout, ts.URL+"/Go/all.zip") {
		t.Errorf("status after update: %d\n%s", code, stdout)
	}
}
