package knownbad

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/samples"
	"github.com/customs-oss/customs/internal/scantest"
)

func inspect(t *testing.T, img v1.Image, tag string) *report.Report {
	t.Helper()
	return scantest.Inspect(t, img, tag, Checks())
}

type hit struct {
	Check, Severity, Path string
	HiddenBy              int
}

func hits(r *report.Report) []hit {
	var out []hit
	for _, f := range r.Findings {
		h := hit{Check: f.Check, Severity: f.Severity.String(), Path: f.Evidence.Path, HiddenBy: -1}
		if f.Evidence.HiddenBy != nil {
			h.HiddenBy = *f.Evidence.HiddenBy
		}
		out = append(out, h)
	}
	return out
}

// TestScanEICARAndName: a reported repository, the test file deleted by a
// later layer and a zipped copy are all found; a clean look-alike is not.
func TestScanEICARAndName(t *testing.T) {
	sig := string(samples.EICAR())
	img := imagetest.Image(t, v1.Config{Cmd: []string{"/bin/sh"}},
		imagetest.Step{CreatedBy: "ADD files /", Layer: imagetest.Layer(t,
			imagetest.Dir("tmp/"), imagetest.File{Path: "tmp/eicar.com", Content: sig + "\n"},
			imagetest.Dir("opt/"), imagetest.File{Path: "opt/eicar_com.zip", Content: string(zipOf(t, "eicar.com", []byte(sig)))},
			imagetest.File{Path: "opt/notes.txt", Content: "this file mentions EICAR but is not the test file at all, ok?"})},
		imagetest.Step{CreatedBy: "RUN rm /tmp/eicar.com", Layer: imagetest.Layer(t, imagetest.Whiteout("tmp", "eicar.com"))},
	)
	r := inspect(t, img, "docker.io/docker123321/mysql:latest")
	want := []hit{
		{Check: "knownbad/eicar", Severity: "critical", Path: "/opt/eicar_com.zip", HiddenBy: -1},
		{Check: "knownbad/eicar", Severity: "critical", Path: "/tmp/eicar.com", HiddenBy: 1},
		{Check: "knownbad/image", Severity: "critical", HiddenBy: -1},
	}
	if diff := cmp.Diff(want, hits(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if r.Verdict.Decision != report.Reject {
		t.Errorf("verdict %s, want reject", r.Verdict.Decision)
	}
}

// TestScanXMRigHash: the real XMRig binary is recognised by its hash
// whatever its name and mode, also when a later layer deletes it; an ELF of
// another size is not hashed.
func TestScanXMRigHash(t *testing.T) {
	bin, _ := samples.XMRig(t)
	img := imagetest.Image(t, v1.Config{Cmd: []string{"/app/run"}},
		imagetest.Step{CreatedBy: "ADD files /", Layer: imagetest.Layer(t,
			imagetest.Dir("usr/"), imagetest.Dir("usr/lib/"),
			imagetest.File{Path: "usr/lib/libsystemd-helper.so", Content: string(bin), Mode: 0o644},
			imagetest.Dir("tmp/"), imagetest.Dir("tmp/.x/"), imagetest.Exec("tmp/.x/xmrig", string(bin)),
			imagetest.Dir("app/"), imagetest.Exec("app/run", string(bin[:len(bin)-1])))},
		imagetest.Step{CreatedBy: "RUN rm -rf /tmp/.x", Layer: imagetest.Layer(t, imagetest.Whiteout("tmp", ".x"))},
	)
	r := inspect(t, img, "example.com/team/app:1")
	want := []hit{
		{Check: "knownbad/hash", Severity: "critical", Path: "/tmp/.x/xmrig", HiddenBy: 1},
		{Check: "knownbad/hash", Severity: "critical", Path: "/usr/lib/libsystemd-helper.so", HiddenBy: -1},
	}
	if diff := cmp.Diff(want, hits(r)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range r.Findings {
		if f.Evidence.Value != "sha256:9c10c46476fe17167237c99b66b18d875ed95db9cde1a8e4d5f43f83e0daff26" {
			t.Errorf("evidence value %q", f.Evidence.Value)
		}
		t.Log(f.Message)
	}
}
