package scan

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/checks/list"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/walk"
)

func testOptions(t *testing.T, checks ...check.Constructor) Options {
	return Options{
		Checks:   checks,
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		Version:  "test",
		CacheDir: t.TempDir(),
	}
}

func threeLayerImage(t *testing.T) v1.Image {
	return imagetest.Image(t, v1.Config{User: "1000", Cmd: []string{"/app/run"}},
		imagetest.Step{CreatedBy: "ADD rootfs /", Layer: imagetest.Layer(t,
			imagetest.Dir("etc/"), imagetest.File{Path: "etc/os-release", Content: "ID=alpine\nVERSION_ID=3.22.1\n"},
			imagetest.File{Path: "etc/secret.key", Content: "key material"})},
		imagetest.Step{CreatedBy: "ENV A=b"},
		imagetest.Step{CreatedBy: "RUN rm /etc/secret.key", Layer: imagetest.Layer(t, imagetest.Whiteout("etc", "secret.key"))},
		imagetest.Step{CreatedBy: "COPY app /app", Layer: imagetest.Layer(t, imagetest.Exec("app/run", "#!/bin/sh\necho hi\n"))},
	)
}

// recorder is a check that records what the scanner shows it.
type recorder struct {
	hidden  map[string]int
	content map[string]string
	image   *facts.Image
}

func (r *recorder) Info() check.Info {
	return check.Info{ID: "test/recorder", Version: 1, Title: "records", Item: report.ItemLookInside}
}
func (r *recorder) CheckFile(l *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
	r.hidden[e.Path] = hiddenBy
	return nil
}
func (r *recorder) Wants(e *facts.Entry) bool { return e.Path == "app/run" }
func (r *recorder) CheckContent(_ context.Context, e *facts.Entry, b []byte) ([]report.Finding, error) {
	r.content[e.Path] = string(b)
	return []report.Finding{r.Info().New("saw app/run", report.Evidence{Path: "/" + e.Path})}, nil
}
func (r *recorder) CheckImage(_ context.Context, img *facts.Image) ([]report.Finding, error) {
	r.image = img
	return nil, nil
}

func TestInspectMergesLayers(t *testing.T) {
	rec := &recorder{hidden: map[string]int{}, content: map[string]string{}}
	opt := testOptions(t, func() check.Check { return rec })
	ref := imagetest.Layout(t, threeLayerImage(t), "example.com/team/app:1")
	r, err := Inspect(context.Background(), ref, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rec.hidden["etc/secret.key"], 1; got != want {
		t.Errorf("etc/secret.key hidden by layer %d, want %d", got, want)
	}
	if got := rec.hidden["app/run"]; got != -1 {
		t.Errorf("app/run hidden by %d, want -1 (visible)", got)
	}
	if got := rec.content["app/run"]; got != "#!/bin/sh\necho hi\n" {
		t.Errorf("content of app/run = %q", got)
	}
	if _, ok := rec.image.FS.Stat("etc/secret.key"); ok {
		t.Error("etc/secret.key is visible after its whiteout")
	}
	if b, ok := rec.image.Read("etc/os-release"); !ok || !bytes.Contains(b, []byte("alpine")) {
		t.Errorf("os-release not collected: %q %v", b, ok)
	}
	var steps []int
	for _, l := range r.Image.Layers {
		steps = append(steps, *l.HistoryStep)
	}
	if diff := cmp.Diff([]int{0, 2, 3}, steps); diff != "" {
		t.Errorf("layer history steps (-want +got):\n%s", diff)
	}
	if len(r.Findings) != 1 || *r.Findings[0].Evidence.Layer != 2 || r.Findings[0].Evidence.LayerDigest != r.Image.Layers[2].Digest {
		t.Errorf("content finding not placed in layer 2: %+v", r.Findings)
	}
	if r.Image.Name != "example.com/team/app:1" || r.Image.Source != "oci" {
		t.Errorf("image named %q from %q", r.Image.Name, r.Image.Source)
	}
}

// TestInspectDeterministicAndCached: the same image gives byte-identical
// reports, with a cold and a warm cache.
func TestInspectDeterministicAndCached(t *testing.T) {
	opt := testOptions(t, list.All()...)
	ref := imagetest.Layout(t, threeLayerImage(t), "")
	var outs [2]bytes.Buffer
	for i := range outs {
		r, err := Inspect(context.Background(), ref, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := report.WriteJSON(&outs[i], r); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(outs[0].String(), outs[1].String()); diff != "" {
		t.Errorf("cold and warm reports differ (-cold +warm):\n%s", diff)
	}
}

// TestInspectRejectsTamperedLayer: a layer blob that does not match its
// digest stops the inspection with an error naming the layer.
func TestInspectRejectsTamperedLayer(t *testing.T) {
	img := threeLayerImage(t)
	src, err := openForTest(t, img)
	if err != nil {
		t.Fatal(err)
	}
	good := src.Layers[2].Open
	src.Layers[2].Open = func() (io.ReadCloser, error) {
		rc, err := good()
		if err != nil {
			return nil, err
		}
		b, _ := io.ReadAll(rc)
		b[len(b)/2] ^= 0xff
		return io.NopCloser(bytes.NewReader(b)), nil
	}
	opt := testOptions(t, list.All()...)
	opt.CacheDir = ""
	_, err = Run(context.Background(), src, opt)
	var de *walk.DigestError
	if err == nil {
		t.Fatal("tampered layer accepted")
	}
	if !errors.As(err, &de) && !bytes.Contains([]byte(err.Error()), []byte("layer 2")) {
		t.Errorf("error %q does not name the layer or a digest mismatch", err)
	}
}
