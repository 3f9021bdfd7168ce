package files

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// problemImage has something for every files check, in the shape of the
// project's demo-problems image: a Debian base, a build step that stages a
// setuid shell in a hidden directory of /tmp, makes /app world-writable and
// copies a private key, and a later step that deletes the key.
func problemImage() *facts.Image {
	return imageOf(
		lf(nil,
			dir("bin", 0o755), file("bin/sh", 0o755), file("bin/bash", 0o755),
			dir("dev", 0o755), node("dev/null", facts.TypeCharDevice),
			dir("etc", 0o755), sized("etc/os-release", 120), sized("etc/passwd", 900),
			dir("usr/bin", 0o755), file("usr/bin/passwd", 0o755|setuidBit), owned(file("usr/bin/wall", 0o755|setgidBit), 0, 5),
			dir("tmp", 0o777|sticky), dir("var/lib/apt/lists", 0o755),
			sized("var/lib/apt/lists/deb.debian.org_debian_dists_stretch_InRelease", 118000),
			sized("var/lib/apt/lists/deb.debian.org_debian_dists_stretch_main_binary-amd64_Packages.lz4", 10<<20),
		),
		lf(nil,
			dir("tmp/.x", 0o755), file("tmp/.x/sh", 0o755|setuidBit), file("tmp/install.sh", 0o755),
			dir("app", 0o777), file("app/settings.ini", 0o666), file("app/run", 0o755),
			dir("root/.ssh", 0o700), sized("root/.ssh/id_rsa", 2602), node("opt/disk", facts.TypeBlockDevice),
			dir("srv/app/.git", 0o755), sized("srv/app/.git/HEAD", 21), sized("etc/passwd", 950),
		),
		lf(rm("root/.ssh/id_rsa", "var/lib/apt/lists")),
	)
}

// cleanImage follows the checklist: nothing any files check reports at high
// or above.
func cleanImage() *facts.Image {
	return imageOf(
		lf(nil,
			dir("bin", 0o755), file("bin/busybox", 0o755), symlink("bin/sh", "/bin/busybox"),
			dir("etc", 0o755), sized("etc/os-release", 120), sized("etc/passwd", 80), dir("etc/skel", 0o755), sized("etc/skel/.profile", 10),
			dir("tmp", 0o777|sticky), dir("var/tmp", 0o777|sticky), dir("app", 0o755),
		),
		lf(nil, owned(file("app/server", 0o755), 0, 0), sized("app/config.yaml", 40)),
	)
}

func runAll(t *testing.T, img *facts.Image) []report.Finding {
	t.Helper()
	var out []report.Finding
	for _, ctor := range Checks() {
		out = append(out, run(t, ctor, img)...)
	}
	report.SortFindings(out)
	return out
}

// TestGolden pins every message, severity and piece of evidence the files
// checks give for the problem image. Run go test -update to rewrite it.
func TestGolden(t *testing.T) {
	got, err := json.MarshalIndent(runAll(t, problemImage()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "problems.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("findings differ from %s (-want +got):\n%s", path, diff)
	}
	var checks = map[string]bool{}
	for _, f := range runAll(t, problemImage()) {
		checks[f.Check] = true
	}
	for _, ctor := range Checks() {
		if id := ctor().Info().ID; !checks[id] {
			t.Errorf("%s finds nothing in the problem image", id)
		}
	}
}

// TestCleanImage: an image that follows the checklist gets nothing at high
// or above from the files checks, so that it is accepted.
func TestCleanImage(t *testing.T) {
	for _, f := range runAll(t, cleanImage()) {
		if f.Severity >= report.SeverityHigh {
			t.Errorf("%s at %s on a clean image: %s", f.Check, f.Severity, f.Message)
		}
	}
}

// TestGoldenIsDeterministic: the same image gives byte-identical findings.
func TestGoldenIsDeterministic(t *testing.T) {
	var outs [3][]byte
	for i := range outs {
		b, err := json.Marshal(runAll(t, problemImage()))
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
	}
	if !bytes.Equal(outs[0], outs[1]) || !bytes.Equal(outs[1], outs[2]) {
		t.Error("findings differ between runs on the same image")
	}
}
