package miner_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/checks/miner"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/samples"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

const xmrWallet = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"

// tarGz packs one file into a .tar.gz, as a dropper ships its payload.
func tarGz(t *testing.T, name string, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	if _, err := tw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestScanXMRig scans an image holding the real XMRig binary stored
// plainly, renamed as a library, inside a .tar.gz and deleted by a later
// layer, with its real configuration and a command line that starts it.
func TestScanXMRig(t *testing.T) {
	bin, cfg := samples.XMRig(t)
	img := imagetest.Image(t, v1.Config{
		User: "1000",
		Cmd:  []string{"/opt/x", "-o", "stratum+tcp://pool.minexmr.com:4444", "-u", xmrWallet, "--donate-level", "1"},
		Env:  []string{"PATH=/usr/bin", "WALLET=" + xmrWallet},
	},
		imagetest.Step{CreatedBy: "COPY . /", Layer: imagetest.Layer(t,
			imagetest.Dir("opt/"), imagetest.Exec("opt/xmrig", string(bin)),
			imagetest.Dir("usr/"), imagetest.Dir("usr/lib/"),
			imagetest.File{Path: "usr/lib/libsystemd-helper.so", Content: string(bin), Mode: 0o644},
			imagetest.Dir("root/"), imagetest.File{Path: "root/tools.tar.gz", Content: tarGz(t, "xmrig-6.16.0/xmrig", bin), Mode: 0o644},
			imagetest.Dir("etc/"), imagetest.File{Path: "etc/cfg.json", Content: string(cfg), Mode: 0o644},
			imagetest.Dir("tmp/"), imagetest.Exec("tmp/.k", string(bin)),
		)},
		imagetest.Step{CreatedBy: "RUN rm /tmp/.k", Layer: imagetest.Layer(t, imagetest.Whiteout("tmp", ".k"))},
	)
	ref := imagetest.Layout(t, img, "example.com/miner:1")
	r, err := scan.Inspect(context.Background(), ref, scan.Options{
		Checks:   miner.Checks(),
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC) },
		CacheDir: t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		where := f.Evidence.Path + f.Evidence.ConfigKey
		if f.Evidence.Layer != nil {
			where += fmt.Sprintf(" layer %d", *f.Evidence.Layer)
		}
		if f.Evidence.HiddenBy != nil {
			where += fmt.Sprintf(" hidden by %d", *f.Evidence.HiddenBy)
		}
		got = append(got, fmt.Sprintf("%s %s %s", f.Check, f.Severity, where))
	}
	for _, want := range []string{
		"miner/binary critical /opt/xmrig layer 0",
		"miner/binary critical /usr/lib/libsystemd-helper.so layer 0",
		"miner/binary critical /root/tools.tar.gz layer 0",
		"miner/binary critical /tmp/.k layer 0 hidden by 1",
		"miner/config critical /etc/cfg.json layer 0",
		"miner/pool critical /etc/cfg.json layer 0",
		"miner/wallet critical /etc/cfg.json layer 0",
		"miner/pool critical config.Cmd",
		"miner/cli-flags critical config.Cmd",
		"miner/wallet critical config.Cmd",
		"miner/wallet critical config.Env[1]",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing finding %q", want)
		}
	}
	if t.Failed() {
		t.Logf("findings:\n%q", got)
	}
	if r.Verdict.Decision != report.Reject {
		t.Errorf("verdict %q, want reject", r.Verdict.Decision)
	}
	for _, f := range r.Findings {
		if bytes.Contains([]byte(f.Message+f.Evidence.Value), []byte(xmrWallet)) {
			t.Errorf("%s shows the whole wallet: %s", f.Check, f.Message)
		}
	}
}
