package walk

import (
	"archive/tar"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// reader is a content check that records what it was shown.
type reader struct {
	prefix string
	seen   map[string]string
	fail   bool
}

func (r *reader) Info() check.Info {
	return check.Info{ID: "test/reader", Version: 1, Title: "reads", Item: report.ItemLookInside}
}

func (r *reader) Wants(e *facts.Entry) bool { return strings.HasPrefix(e.Path, r.prefix) }

func (r *reader) CheckContent(_ context.Context, e *facts.Entry, b []byte) ([]report.Finding, error) {
	if r.fail {
		return nil, fmt.Errorf("cannot parse")
	}
	r.seen[e.Path] = string(b)
	return []report.Finding{r.Info().New("read "+e.Path, report.Evidence{Path: "/" + e.Path})}, nil
}

// TestLayerContent: content checks see the files they want, cut at
// MaxContent; collected files are kept whole up to MaxCollect.
func TestLayerContent(t *testing.T) {
	long := strings.Repeat("0123456789", 10) // 100 bytes
	raw := tarOf(t, tar.FormatPAX,
		reg("etc/os-release", "ID=alpine\n"),
		reg("etc/passwd", long[:40]), // over MaxCollect (32)
		reg("app/small", "hello"),
		reg("app/big", long), // over MaxContent (64)
		hdr("app/dir/", tar.TypeDir, ""),
		hdr("app/link", tar.TypeSymlink, "big"),
		reg("other/file", "not wanted"),
	)
	r := &reader{prefix: "app/", seen: map[string]string{}}
	opt := testOptions()
	opt.Content = []check.ContentChecker{r}
	opt.Collect = func(e *facts.Entry) bool { return strings.HasPrefix(e.Path, "etc/") || e.Path == "app/small" }
	lf, err := Layer(context.Background(), plain(raw), opt)
	if err != nil {
		t.Fatal(err)
	}
	wantSeen := map[string]string{"app/small": "hello", "app/big": long[:64]}
	if diff := cmp.Diff(wantSeen, r.seen); diff != "" {
		t.Errorf("content seen (-want +got):\n%s", diff)
	}
	wantFiles := map[string][]byte{"etc/os-release": []byte("ID=alpine\n"), "app/small": []byte("hello")}
	if diff := cmp.Diff(wantFiles, lf.Files); diff != "" {
		t.Errorf("collected files (-want +got):\n%s", diff)
	}
	var msgs []string
	for _, f := range lf.Findings {
		msgs = append(msgs, f.Message)
	}
	if diff := cmp.Diff([]string{"read app/small", "read app/big"}, msgs); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestLayerContentError: a content check that fails stops the pass with an
// error naming the check and the file, instead of silently dropping it.
func TestLayerContentError(t *testing.T) {
	opt := testOptions()
	opt.Content = []check.ContentChecker{&reader{prefix: "app/", seen: map[string]string{}, fail: true}}
	_, err := Layer(context.Background(), plain(tarOf(t, tar.FormatPAX, reg("app/x", "1"))), opt)
	if err == nil || !strings.Contains(err.Error(), "test/reader") || !strings.Contains(err.Error(), `"app/x"`) {
		t.Errorf("error %v does not name the check and the file", err)
	}
}
