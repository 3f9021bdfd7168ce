package table

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func render(t testing.TB, r *report.Report, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *report.Report
		opt  Options
	}{
		{"rich", richReport(), Options{}},
		{"rich-color", richReport(), Options{Color: true}},
		{"clean", cleanReport(), Options{}},
		{"clean-color", cleanReport(), Options{Color: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.r, tc.opt)
			golden := filepath.Join("testdata", tc.name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s mismatch (-want +got); run go test -update if the change is intended:\n%s", golden, diff)
			}
		})
	}
}

func TestVerdictLine(t *testing.T) {
	for _, tc := range []struct {
		name     string
		findings []report.Finding
		want     string
	}{
		{"reject", []report.Finding{{Check: "a/b", Severity: report.SeverityCritical}}, "VERDICT: REJECT — 1 check at or above critical: a/b"},
		{"review", []report.Finding{{Check: "a/b", Severity: report.SeverityHigh}}, "VERDICT: REVIEW — 1 check at or above high: a/b"},
		{"accept", []report.Finding{{Check: "a/b", Severity: report.SeverityMedium}}, "VERDICT: ACCEPT — no finding at or above high"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cleanReport()
			r.Findings = tc.findings
			r.Verdict = report.DefaultPolicy().Decide(r.Findings)
			out := render(t, r, Options{})
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if last := lines[len(lines)-1]; last != tc.want {
				t.Errorf("last line = %q, want %q", last, tc.want)
			}
		})
	}
}

func TestNoColorMeansNoEscapes(t *testing.T) {
	out := render(t, richReport(), Options{})
	if strings.ContainsRune(out, '\x1b') {
		t.Error("output without colour contains an escape character")
	}
	if !strings.Contains(render(t, richReport(), Options{Color: true}), onRed+"CRITICAL"+reset) {
		t.Error("output with colour does not colour critical findings")
	}
}

func TestSections(t *testing.T) {
	out := render(t, richReport(), Options{})
	order := []string{
		"IMAGE", "linux/amd64 (one of 3 platforms in the index)", "2.7 MiB compressed, 7.4 MiB uncompressed",
		"Debian GNU/Linux 9 (stretch): END OF LIFE since 2022-06-30", "not set, so root",
		"FINDINGS  10: 3 critical · 4 high · 1 medium · 1 low · 1 info",
		"5. Read the scripts inside", "8. Build from small bases", "9. Look inside", "10. Pin by digest",
		"13. Least privilege at run time", "14. Malicious content",
		"layer 1 sha256:9e8d7c6b5a4f · /root/.ssh/id_rsa · history step 3 · hidden by layer 2",
		"LAYERS", "RUN apt-get update", "ATTACK SURFACE  5 tools", "package-manager  apt (/usr/bin/apt), dpkg (/usr/bin/dpkg)",
		"CHECKS  3 checks ran · 1 failed · 1 skipped", "FAILED   content/miner: reading /usr/bin/xmrig: unexpected EOF",
		"SUMMARY", "VERDICT: REJECT",
	}
	at := 0
	for _, s := range order {
		i := strings.Index(out[at:], s)
		if i < 0 {
			t.Fatalf("%q missing or out of order after byte %d in:\n%s", s, at, out)
		}
		at += i + len(s)
	}
}

func TestHostileStrings(t *testing.T) {
	out := render(t, richReport(), Options{})
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q from the image", bad)
		}
	}
	for _, shown := range []string{`\x1b[32m/docker-entrypoint.sh\x1b[0m\u202e`, `"#!/bin/sh\nexec \"$@\"\a"`, `| sh  # with two spaces"`} {
		if !strings.Contains(out, shown) {
			t.Errorf("output lacks the escaped form %s", shown)
		}
	}
}

func TestLineWidth(t *testing.T) {
	for _, l := range strings.Split(render(t, richReport(), Options{}), "\n") {
		if n := len([]rune(l)); n > 120 {
			t.Errorf("line of %d runes: %q", n, l)
		}
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, got, want string
	}{
		{"clean escape", clean("a\x1b[2Jb"), `a\x1b[2Jb`},
		{"clean newline", clean("a\nb\tc"), "a b c"},
		{"clean invalid utf8", clean("a\xffb"), `a\xffb`},
		{"clean bidi", clean("a\u202eb"), `a\u202eb`},
		{"clean unicode", clean("héllo ✓"), "héllo ✓"},
		{"count", count(1234567), "1,234,567"},
		{"count small", count(12), "12"},
		{"short digest", shortDigest(digestA), "sha256:3f1a2b3c4d5e"},
		{"short odd digest", shortDigest("weird"), "weird"},
		{"truncate", truncate("abcdef", 4), "abc…"},
		{"truncate short", truncate("abc", 4), "abc"},
		{"created by nop", createdBy("/bin/sh -c #(nop)  ENV A=b"), "ENV A=b"},
		{"created by run", createdBy("/bin/sh -c apk add x"), "RUN apk add x"},
		{"created by buildkit", createdBy("RUN /bin/sh -c make # buildkit"), "RUN /bin/sh -c make"},
		{"created by secret", createdBy("/bin/sh -c export GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"), "RUN export GITHUB_TOKEN=ghp_...[REDACTED]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	for _, tc := range []struct {
		name string
		ev   report.Evidence
		want []string
	}{
		{"file", report.Evidence{Layer: report.Int(3), LayerDigest: digestA, Path: "tmp/.x/sh", HistoryStep: report.Int(7), HiddenBy: report.Int(5)},
			[]string{"layer 3 sha256:3f1a2b3c4d5e", "/tmp/.x/sh", "history step 7", "hidden by layer 5"}},
		{"config", report.Evidence{ConfigKey: "config.Env[2]", Value: "A=\x1b"}, []string{"config.Env[2]", `value "A=\x1b"`}},
		{"history key repeats the step", report.Evidence{ConfigKey: "history[1]", HistoryStep: report.Int(1)}, []string{"history step 1"}},
		{"history key of another step", report.Evidence{ConfigKey: "history[2]", HistoryStep: report.Int(1)}, []string{"history step 1", "history[2]"}},
		{"secret value", report.Evidence{Value: "token ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"}, []string{`value "token ghp_...[REDACTED]"`}},
		{"nothing", report.Evidence{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, evidence(tc.ev)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "a b  c", 10, []string{"a b  c"}},
		{"splits", "aaa bbb ccc", 7, []string{"aaa bbb", "ccc"}},
		{"long word whole", "x /a/very/long/path y", 5, []string{"x", "/a/very/long/path", "y"}},
		{"empty", "  ", 5, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, wrap(tc.in, tc.width)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
