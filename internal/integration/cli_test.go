package integration

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/customs-oss/customs/internal/cli"
	"github.com/customs-oss/customs/internal/report"
)

// result is one run of the customs command line.
type result struct {
	code           int
	stdout, stderr string
	report         *report.Report
}

// inspect runs `customs inspect ARGS --format json --no-cache --quiet` in
// process, with stdin as standard input and a private TMPDIR.
func inspect(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := map[string]string{"TMPDIR": t.TempDir(), "NO_COLOR": "1", "CUSTOMS_OFFLINE": "1"}
	var stdout, stderr bytes.Buffer
	argv := append([]string{"inspect"}, args...)
	argv = append(argv, "--format", "json", "--no-cache", "--quiet")
	code := cli.Run(ctx, argv, cli.Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
	})
	return parseResult(t, code, stdout.String(), stderr.String())
}

func parseResult(t *testing.T, code int, stdout, stderr string) result {
	t.Helper()
	r := result{code: code, stdout: stdout, stderr: stderr}
	if strings.TrimSpace(stdout) != "" {
		rep, err := report.ReadJSON(strings.NewReader(stdout), 64<<20)
		if err != nil {
			t.Fatalf("%v\n%s", err, stdout)
		}
		r.report = rep
	}
	return r
}

// mustReport fails unless the run ended with a report and the exit code
// that its verdict calls for.
func (r result) mustReport(t *testing.T) *report.Report {
	t.Helper()
	if r.report == nil {
		t.Fatalf("no report (exit %d): %s", r.code, r.stderr)
	}
	want := cli.ExitAccept
	if r.report.Verdict.Decision == report.Reject {
		want = cli.ExitReject
	}
	if r.code != want {
		t.Errorf("exit code %d for verdict %q, want %d; stderr: %s", r.code, r.report.Verdict.Decision, want, r.stderr)
	}
	return r.report
}

// mustFail fails unless the run ended in error (exit 1), without a report,
// with every one of wants in its message.
func (r result) mustFail(t *testing.T, wants ...string) {
	t.Helper()
	if r.code != cli.ExitError {
		t.Errorf("exit code %d, want %d (error); stderr: %s", r.code, cli.ExitError, r.stderr)
	}
	if r.report != nil {
		t.Errorf("a failed run printed a report")
	}
	for _, w := range wants {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("error message does not contain %q:\n%s", w, r.stderr)
		}
	}
}

// fromSource says how a report's image was read, for comparing it with the
// report of the same image read from its OCI layout.
type fromSource int

const (
	// sameBlobs: a registry serves the layout's own manifest and blobs.
	sameBlobs fromSource = iota
	// reexported: an engine re-exports layers uncompressed, so blob
	// digests, sizes and media types legitimately differ.
	reexported
)

// aboutSource reports whether findings of a checklist item depend on where
// an image was read from and how it was named, not on its content.
func aboutSource(i report.Item) bool {
	switch i {
	case report.ItemPublisher, report.ItemName, report.ItemPin, report.ItemPopularity, report.ItemSigned:
		return true
	}
	return false
}

// sameContent compares what two reports of the same image say about its
// content: the config, history, layers, files and the findings on them. The
// reference, and findings about it, legitimately differ between sources.
func sameContent(t *testing.T, want, got *report.Report, how fromSource) {
	t.Helper()
	opts := cmp.Options{
		cmpopts.EquateEmpty(),
		cmpopts.IgnoreFields(report.Image{}, "Reference", "Name", "Source", "Pinned", "RepoTags", "IndexDigest", "Platforms"),
	}
	if how == reexported {
		opts = append(opts,
			cmpopts.IgnoreFields(report.Image{}, "Digest", "MediaType", "CompressedSize"),
			cmpopts.IgnoreFields(report.Layer{}, "Digest", "MediaType", "CompressedSize"),
			cmpopts.IgnoreFields(report.Evidence{}, "LayerDigest"),
		)
	}
	if diff := cmp.Diff(want.Image, got.Image, opts); diff != "" {
		t.Errorf("image description differs (-layout +%s):\n%s", got.Image.Source, diff)
	}
	if diff := cmp.Diff(contentFindings(want), contentFindings(got), opts); diff != "" {
		t.Errorf("findings on the content differ (-layout +%s):\n%s", got.Image.Source, diff)
	}
	if want.Verdict.Decision != got.Verdict.Decision {
		t.Errorf("verdict %q, the layout's is %q", got.Verdict.Decision, want.Verdict.Decision)
	}
	for _, c := range got.Checks {
		if c.Status == report.StatusError {
			t.Errorf("check %s failed: %s", c.ID, c.Error)
		}
	}
}

func contentFindings(r *report.Report) []report.Finding {
	var out []report.Finding
	for _, f := range r.Findings {
		if !aboutSource(f.Item) {
			out = append(out, f)
		}
	}
	return out
}
