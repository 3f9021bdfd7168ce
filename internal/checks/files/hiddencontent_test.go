package files

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func TestHiddenContent(t *testing.T) {
	var lists []facts.Entry
	for i := range 3000 {
		lists = append(lists, sized(fmt.Sprintf("var/lib/apt/lists/part%04d", i), 1000))
	}
	lists = append(lists, sized("var/cache/apt/pkgcache.bin", 30<<20), sized("var/cache/apt/srcpkgcache.bin", 20<<20))
	for _, tc := range []struct {
		name     string
		layers   []*facts.LayerFacts
		want     []brief
		messages []string
	}{
		{
			name:   "nothing hidden",
			layers: []*facts.LayerFacts{lf(nil, sized("a", 1)), lf(nil, sized("b", 1))},
		},
		{
			name:   "an emptied directory is not content",
			layers: []*facts.LayerFacts{lf(nil, dir("var/empty", 0o755)), lf(rm("var/empty"))},
		},
		{
			name:   "a package index cleanup is one finding",
			layers: []*facts.LayerFacts{lf(nil, lists...), lf(rm("var/lib/apt/lists", "var/cache/apt"))},
			want:   []brief{{report.SeverityLow, "/var", 0, 1}},
			messages: []string{"layer 1 deleted 3002 files (52.9 MiB) that layer 0 added; they are gone at run time but still ship in layer 0: " +
				"/var/cache/apt/pkgcache.bin (30.0 MiB), /var/cache/apt/srcpkgcache.bin (20.0 MiB), /var/lib/apt/lists/part0000 (1000 B), and 2999 more"},
		},
		{
			name:     "a replaced file",
			layers:   []*facts.LayerFacts{lf(nil, sized("etc/passwd", 900)), lf(nil, sized("etc/passwd", 950))},
			want:     []brief{{report.SeverityInfo, "/etc/passwd", 0, 1}},
			messages: []string{"layer 1 replaced 1 file (900 B) that layer 0 added; the old versions still ship in layer 0: /etc/passwd (900 B)"},
		},
		{
			name:     "a path written twice in one layer",
			layers:   []*facts.LayerFacts{lf(nil, sized("app/run", 4096), sized("app/run", 10))},
			want:     []brief{{report.SeverityLow, "/app/run", 0, 0}},
			messages: []string{"1 file written more than once in layer 0: only the last copy is visible, the earlier ones (4.0 KiB) still ship: /app/run (4.0 KiB)"},
		},
		{
			name: "pairs of layers are reported apart, the largest first",
			layers: []*facts.LayerFacts{
				lf(nil, sized("tmp/a", 10), sized("opt/b", 20)),
				lf(rm("tmp/a"), sized("tmp/c", 5)),
				lf(rm("opt/b", "tmp/c")),
			},
			want: []brief{
				{report.SeverityLow, "/opt/b", 0, 2},
				{report.SeverityLow, "/tmp/a", 0, 1},
				{report.SeverityLow, "/tmp/c", 1, 2},
			},
		},
		{
			name: "files named like credentials are reported one by one",
			layers: []*facts.LayerFacts{
				lf(nil, dir("root/.ssh", 0o700), sized("root/.ssh/id_rsa", 2602), sized("root/.ssh/known_hosts", 10),
					sized("app/.npmrc", 80), sized("app/.env.production", 50), sized("etc/ssl/certs/ca.pem", 5000)),
				lf(rm("root/.ssh", "app/.env.production"), sized("app/.npmrc", 0)),
			},
			want: []brief{
				{report.SeverityHigh, "/root/.ssh/id_rsa", 0, 1},
				{report.SeverityMedium, "/app/.env.production", 0, 1},
				{report.SeverityMedium, "/app/.npmrc", 0, 1},
				{report.SeverityLow, "/root/.ssh/known_hosts", 0, 1},
			},
			messages: []string{
				"/root/.ssh/id_rsa looks like an SSH private key by its name; layer 1 deleted it, but its content (2.5 KiB) still ships in layer 0 for anyone who pulls the image",
				"/app/.env.production looks like environment settings, which often hold secrets by its name; layer 1 deleted it, but its content (50 B) still ships in layer 0 for anyone who pulls the image",
				"/app/.npmrc looks like npm settings, which often hold a registry token by its name; layer 1 replaced it, but its content (80 B) still ships in layer 0 for anyone who pulls the image",
				"layer 1 deleted 1 file (10 B) that layer 0 added; they are gone at run time but still ship in layer 0: /root/.ssh/known_hosts (10 B)",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, hiddenContent(), imageOf(tc.layers...))
			if diff := cmp.Diff(tc.want, briefs(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tc.messages != nil {
				if diff := cmp.Diff(tc.messages, messages(got)); diff != "" {
					t.Errorf("messages (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestHiddenContentBounded: an image with many layers hiding things, and many
// credential-like files, gives a bounded number of findings that still sum
// up everything.
func TestHiddenContentBounded(t *testing.T) {
	var layers []*facts.LayerFacts
	for i := range 31 {
		l := lf(nil, sized(fmt.Sprintf("d%d/f", i), int64(100+i)))
		if i > 0 {
			l.Whiteouts = rm(fmt.Sprintf("d%d", i-1))
		}
		layers = append(layers, l)
	}
	var keys []facts.Entry
	for i := range 25 {
		keys = append(keys, sized(fmt.Sprintf("keys/k%02d.key", i), 32))
	}
	layers = append(layers, lf(rm("d30"), keys...), lf(rm("keys")))
	got := run(t, hiddenContent(), imageOf(layers...))
	count := map[string]int{}
	var rest []string
	for _, f := range got {
		switch {
		case strings.HasPrefix(f.Message, "and "):
			rest = append(rest, f.Message)
		case strings.HasSuffix(f.Evidence.Path, ".key"):
			count["secret"]++
		default:
			count["group"]++
		}
	}
	if diff := cmp.Diff(map[string]int{"secret": maxHiddenSecrets, "group": maxHiddenGroups}, count); diff != "" {
		t.Errorf("findings by kind (-want +got):\n%s", diff)
	}
	want := []string{
		"and 5 more hidden files whose names say they hold credentials: /keys/k20.key, /keys/k21.key, /keys/k22.key, and 2 more",
		"and 11 more pairs of layers hide 11 files (1.1 KiB) that still ship",
	}
	if diff := cmp.Diff(want, rest); diff != "" {
		t.Errorf("summing-up findings (-want +got):\n%s", diff)
	}
}

// TestHiddenContentInconsistent: facts that point at a layer the image does
// not have are an error, not a panic or a silent pass.
func TestHiddenContentInconsistent(t *testing.T) {
	img := imageOf(lf(nil, sized("a", 1)))
	img.FS.Apply(5, lf(rm("a")))
	if _, err := hiddenContent()().(check.ImageChecker).CheckImage(context.Background(), img); err == nil {
		t.Error("no error for a hidden entry of a layer the image does not have")
	}
}

func TestSensitiveFile(t *testing.T) {
	for p, want := range map[string]report.Severity{
		"root/.ssh/id_ed25519": report.SeverityHigh, "home/a/.aws/credentials": report.SeverityHigh,
		"root/.docker/config.json": report.SeverityHigh, "etc/ssl/private/server.key": report.SeverityHigh,
		"etc/letsencrypt/live/x/privkey.pem": report.SeverityHigh, "app/.git-credentials": report.SeverityHigh,
		"app/.env": report.SeverityMedium, "app/.env.local": report.SeverityMedium, "infra/terraform.tfstate": report.SeverityMedium,
	} {
		if _, got, ok := sensitiveFile(p); !ok || got != want {
			t.Errorf("sensitiveFile(%q) = %s, %v; want %s", p, got, ok, want)
		}
	}
	for _, p := range []string{"etc/ssl/certs/ca.pem", "etc/passwd", "app/config.json", "root/.ssh/id_rsa.pub", "app/credentials", "app/.environment"} {
		if what, _, ok := sensitiveFile(p); ok {
			t.Errorf("sensitiveFile(%q) = %q, want nothing", p, what)
		}
	}
}

func TestHelpers(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"var/lib/apt/lists/a", "var/lib/apt/lists/b", "var/lib/apt/lists"},
		{"var/lib/x", "var/cache/y", "var"},
		{"a", "b", ""},
		{"a/b", "a/b", "a/b"},
		{"ab/c", "a/c", ""},
		{"a", "a/b", "a"},
	} {
		if got := commonDir(tc.a, tc.b); got != tc.want {
			t.Errorf("commonDir(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 52 << 20: "52.0 MiB", 3 << 40: "3.0 TiB"} {
		if got := report.HumanSize(n); got != want {
			t.Errorf("report.HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
	for _, tc := range []struct {
		e    facts.Entry
		want string
	}{
		{file("a", 0o755|setuidBit), "-rwsr-xr-x 4755 uid=0 gid=0"},
		{file("a", 0o644|setuidBit|setgidBit), "-rwSr-Sr-- 6644 uid=0 gid=0"},
		{dir("tmp", 0o777|sticky), "drwxrwxrwt 1777 uid=0 gid=0"},
		{dir("d", 0o700|sticky), "drwx-----T 1700 uid=0 gid=0"},
		{owned(node("dev/x", facts.TypeBlockDevice), 1, 6), "brw-rw-rw- 0666 uid=1 gid=6"},
		{symlink("l", "t"), "lrwxrwxrwx 0777 uid=0 gid=0"},
	} {
		if got := describeMode(&tc.e); got != tc.want {
			t.Errorf("describeMode(%s) = %q, want %q", tc.e.Path, got, tc.want)
		}
	}
}
