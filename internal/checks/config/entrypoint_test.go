package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestEntrypoint(t *testing.T) {
	base := []facts.Entry{
		exe("bin/busybox"), symlink("bin/sh", "busybox"),
		exe("usr/bin/python3.12"), symlink("usr/bin/python3", "python3.12"),
		exe("usr/local/bin/tini"), exe("opt/tool/bin/tool"),
		regular("app/notexec", 0o644, 10), regular("docker-entrypoint.sh", 0o755, 10),
		{Path: "usr/bin/ln", Type: facts.TypeHardlink, Linkname: "bin/busybox"},
	}
	app := []facts.Entry{exe("app/server"), regular("app/start.sh", 0o644, 10)}
	build := func(cfg v1.Config) *facts.Image {
		return testImage(cfg, []string{"ADD rootfs /", "COPY app /app"}, layer{step: 0, entries: base}, layer{step: 1, entries: app})
	}
	info := func(msg string) brief { return brief{report.SeverityInfo, msg} }
	med := func(msg string) brief { return brief{report.SeverityMedium, msg} }
	tests := []struct {
		name string
		cfg  v1.Config
		want []brief
	}{
		{"entrypoint and cmd", v1.Config{Entrypoint: []string{"/app/server"}, Cmd: []string{"--port", "80"}}, []brief{
			info("the container starts /app/server --port 80, added by layer 1")}},
		{"found through PATH and a symlink", v1.Config{Cmd: []string{"python3", "-m", "http.server"}}, []brief{
			info("the container starts python3 -m http.server; /usr/bin/python3 is /usr/bin/python3.12, added by layer 0")}},
		{"found through the image PATH", v1.Config{Env: []string{"PATH=/opt/tool/bin:/usr/bin"}, Cmd: []string{"tool"}}, []brief{
			info("the container starts tool; tool is /opt/tool/bin/tool, added by layer 0")}},
		{"relative to the working directory", v1.Config{WorkingDir: "/app", Cmd: []string{"./server"}}, []brief{
			info("the container starts ./server; ./server is /app/server, added by layer 1")}},
		{"hard link", v1.Config{Cmd: []string{"ln", "-s", "a", "b"}}, []brief{
			info("the container starts ln -s a b; /usr/bin/ln is /bin/busybox, added by layer 0")}},
		{"missing", v1.Config{Entrypoint: []string{"/app/run"}}, []brief{
			med("the container starts /app/run, which is not in the image: the container cannot start as configured")}},
		{"missing from PATH", v1.Config{Cmd: []string{"node", "server.js"}}, []brief{
			med("the container starts node, which is not in the image: the container cannot start as configured")}},
		{"not executable", v1.Config{Cmd: []string{"/app/notexec"}}, []brief{
			med("the container starts /app/notexec, which is not executable (mode -rw-r--r--)")}},
		{"directory", v1.Config{Cmd: []string{"/app"}}, []brief{
			med("the container starts /app, which is not in the image: the container cannot start as configured")}},
		{"wrapper runs a missing program", v1.Config{Entrypoint: []string{"tini", "--"}, Cmd: []string{"/app/gone"}}, []brief{
			info("the container starts tini -- /app/gone; tini is /usr/local/bin/tini, added by layer 0"),
			med("the start command runs /app/gone, which is not in the image: the container cannot start as configured")}},
		{"shell form", v1.Config{Entrypoint: []string{"/bin/sh", "-c", "/docker-entrypoint.sh && exec /app/missing"}}, []brief{
			info("the container starts /bin/sh -c '/docker-entrypoint.sh && exec /app/missing'; /bin/sh is /bin/busybox, added by layer 0"),
			med("the start script runs /app/missing, which is not in the image: the container cannot start as configured")}},
		{"shell form running a script", v1.Config{Cmd: []string{"sh", "-c", "sh /app/start.sh"}}, []brief{
			info("the container starts sh -c 'sh /app/start.sh'; /bin/sh is /bin/busybox, added by layer 0")}},
		{"nothing", v1.Config{}, []brief{info("the image sets no ENTRYPOINT or CMD: what runs must be given at run time")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, entrypoint(), build(tt.cfg)))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEntrypointEvidence(t *testing.T) {
	img := testImage(v1.Config{Entrypoint: []string{"/app/server"}, Cmd: []string{"--token", githubToken}},
		[]string{"COPY app /app"}, layer{step: 0, entries: []facts.Entry{exe("app/server")}})
	want := []report.Finding{{
		Severity: report.SeverityInfo,
		Message:  "the container starts /app/server --token ghp_...[REDACTED], added by layer 0",
		Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: img.Layers[0].Digest, Path: "/app/server", HistoryStep: report.Int(0),
			ConfigKey: "config.Entrypoint", Value: "/app/server --token ghp_...[REDACTED]"},
	}}
	if diff := cmp.Diff(want, runCheck(t, entrypoint(), img), cmpFinding); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if _, err := checkImage(entrypoint(), &facts.Image{Config: img.Config}); err == nil {
		t.Error("no error without a filesystem")
	}
}
