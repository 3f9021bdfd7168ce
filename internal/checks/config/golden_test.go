package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// cleanImage is modelled on the project's demo-clean example: Alpine, a numeric
// non-root user, a health check, the application only.
func cleanImage() *facts.Image {
	cfg := v1.Config{
		User:         "10001",
		Entrypoint:   []string{"/app/server"},
		Cmd:          []string{"--config", "/app/config.yaml"},
		WorkingDir:   "/app",
		ExposedPorts: map[string]struct{}{"8080/tcp": {}},
		Env:          []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
		Labels:       map[string]string{"org.opencontainers.image.source": "https://github.com/customs-oss/customs"},
		Healthcheck:  &v1.HealthConfig{Test: []string{"CMD", "/app/server", "--health"}},
	}
	return testImage(cfg, []string{
		"ADD alpine-minirootfs-3.22.2-x86_64.tar.gz / # buildkit",
		"COPY server config.yaml /app/ # buildkit",
		"USER 10001",
		`HEALTHCHECK &{["CMD" "/app/server" "--health"]}`,
		`ENTRYPOINT ["/app/server"]`,
	},
		layer{step: 0, files: map[string]string{"etc/passwd": "root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/app:/sbin/nologin\n"}},
		layer{step: 1, entries: []facts.Entry{exe("app/server"), regular("app/config.yaml", 0o644, 30)}},
	)
}

// problemsImage is modelled on the project's demo-problems example, with
// a start script that runs a program the image lacks.
func problemsImage() *facts.Image {
	cfg := v1.Config{
		Entrypoint:   []string{"/bin/sh", "-c", "/tmp/install.sh && exec /app/run"},
		ExposedPorts: map[string]struct{}{"22/tcp": {}, "2375/tcp": {}, "8080/tcp": {}},
		Env: []string{
			"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
			"AWS_ACCESS_KEY_ID=" + awsKeyID,
			"AWS_SECRET_ACCESS_KEY=" + awsSecret,
		},
		Labels: map[string]string{"maintainer": "someone@example.com"},
	}
	return testImage(cfg, []string{
		"/bin/sh -c #(nop) ADD file:6d2f0b5c3e in / ",
		"/bin/sh -c curl -fsSL http://get.example.com/install.sh | sh && chmod -R 777 /app && apt-get install -y sudo",
		"/bin/sh -c rm -f /root/.ssh/id_rsa",
		"/bin/sh -c #(nop)  ENV AWS_SECRET_ACCESS_KEY=" + awsSecret,
		"/bin/sh -c #(nop)  EXPOSE 22 2375 8080",
	},
		layer{step: 0, entries: []facts.Entry{exe("bin/sh"), exe("usr/bin/curl")}, files: map[string]string{"etc/passwd": "root:x:0:0:root:/root:/bin/bash\n"}},
		layer{step: 1, entries: []facts.Entry{exe("tmp/install.sh"), {Path: "app/", Type: facts.TypeDir, Mode: 0o777}}},
		layer{step: 2},
	)
}

// runAll runs every config check on img.
func runAll(t *testing.T, img *facts.Image) []report.Finding {
	t.Helper()
	var all []report.Finding
	for _, ctor := range Checks() {
		all = append(all, runCheck(t, ctor, img)...)
	}
	report.SortFindings(all)
	return all
}

func golden(t *testing.T, name string, fs []report.Finding) {
	t.Helper()
	got, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s is out of date (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

func TestCleanImage(t *testing.T) {
	fs := runAll(t, cleanImage())
	for _, f := range fs {
		if f.Severity >= report.SeverityHigh {
			t.Errorf("clean image has a %s finding: %s: %s", f.Severity, f.Check, f.Message)
		}
	}
	golden(t, "clean.golden.json", fs)
}

func TestProblemsImage(t *testing.T) {
	fs := runAll(t, problemsImage())
	if v := report.DefaultPolicy().Decide(fs); v.Decision != report.Reject {
		t.Errorf("problems image: verdict %s, want %s", v.Decision, report.Reject)
	}
	noLeak(t, fs, awsSecret, "IOSFODNN7EXAMPLE")
	golden(t, "problems.golden.json", fs)
}

func TestChecksRegistered(t *testing.T) {
	var ids []string
	for _, c := range Checks() {
		ids = append(ids, c().Info().ID)
	}
	want := []string{
		"config/root-user", "config/no-healthcheck", "config/secret-in-env", "config/secret-in-label",
		"config/secret-in-history", "config/risky-port", "config/download-exec", "config/tls-disabled",
		"config/chmod-777", "config/sudo", "config/package-cache", "config/entrypoint",
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("registered checks (-want +got):\n%s", diff)
	}
}
