package integration

import (
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

// TestEngine loads the example images into a real Docker engine with the
// engine API, as `docker load` does, and inspects them through the command
// line's docker-daemon: source.
func TestEngine(t *testing.T) {
	eng := startEngine(t)
	problems, clean := problemsImage(t), cleanImage(t)
	eng.load(t, saveArchive(t, map[string]v1.Image{
		"customs-demo/problems:latest": problems.Image,
		"customs-demo/clean:1.0.0":     clean.Image,
	}))

	t.Run("problems image by --docker-host", func(t *testing.T) {
		baseline := inspect(t, "", problems.Layout).mustReport(t)
		res := inspect(t, "", "docker-daemon:customs-demo/problems:latest", "--docker-host", eng.Host)
		got := res.mustReport(t)
		sameContent(t, baseline, got, reexported)
		if got.Image.ConfigID != problems.Config.String() {
			t.Errorf("config %s, want the image ID %s", got.Image.ConfigID, problems.Config)
		}
		if got.Image.Source != "docker-daemon" || got.Image.Name != "docker.io/customs-demo/problems:latest" {
			t.Errorf("source %q name %q", got.Image.Source, got.Image.Name)
		}
		if got.Verdict.Decision != report.Reject || res.code != 3 {
			t.Errorf("verdict %q exit %d, want the problems example rejected (exit 3)", got.Verdict.Decision, res.code)
		}
		if strings.Contains(res.stdout, awsSecret) {
			t.Errorf("the report shows the image's AWS secret key")
		}
	})

	t.Run("clean image by DOCKER_HOST", func(t *testing.T) {
		t.Setenv("DOCKER_HOST", eng.Host)
		baseline := inspect(t, "", clean.Layout).mustReport(t)
		res := inspect(t, "", "docker-daemon:customs-demo/clean:1.0.0")
		got := res.mustReport(t)
		sameContent(t, baseline, got, reexported)
		if res.code != 0 || got.Image.ConfigID != clean.Config.String() {
			t.Errorf("exit %d config %s, want 0 %s", res.code, got.Image.ConfigID, clean.Config)
		}
	})

	t.Run("by image ID", func(t *testing.T) {
		got := inspect(t, "", "docker-daemon:"+problems.Config.String(), "--docker-host", eng.Host).mustReport(t)
		if got.Image.ConfigID != problems.Config.String() || got.Image.Files == 0 {
			t.Errorf("config %s with %d files, want %s", got.Image.ConfigID, got.Image.Files, problems.Config)
		}
	})

	t.Run("missing image", func(t *testing.T) {
		inspect(t, "", "docker-daemon:customs-demo/absent:1", "--docker-host", eng.Host).
			mustFail(t, "inspecting docker-daemon:customs-demo/absent:1", "No such image")
	})

	t.Run("no engine there", func(t *testing.T) {
		host := "unix://" + t.TempDir() + "/none.sock"
		inspect(t, "", "docker-daemon:customs-demo/problems:latest", "--docker-host", host).
			mustFail(t, "talking to the Docker engine")
	})
}
