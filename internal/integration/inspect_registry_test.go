package integration

import (
	"runtime"
	"strings"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
)

// awsSecret is the secret access key the problems example carries in its
// config and history; no report may show it.
const awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

// TestRegistry pushes the example images and a multi-platform index to a
// real docker-registry with password authentication and inspects them
// through the command line.
func TestRegistry(t *testing.T) {
	reg := startRegistry(t)
	problems, clean := problemsImage(t), cleanImage(t)
	problemsRef := reg.push(t, "demo/problems:latest", problems.Image)
	cleanRef := reg.push(t, "demo/clean:1.0.0", clean.Image)
	idx, digests := multiPlatform(t)
	multiRef := reg.push(t, "demo/multi:1", idx)
	indexDigest, err := idx.Digest()
	if err != nil {
		t.Fatal(err)
	}
	login := []string{"--insecure-registry", reg.Host, "--username", reg.User, "--password-stdin"}
	password := reg.Password + "\n"

	t.Run("problems image", func(t *testing.T) {
		baseline := inspect(t, "", problems.Layout).mustReport(t)
		res := inspect(t, password, append([]string{problemsRef}, login...)...)
		got := res.mustReport(t)
		sameContent(t, baseline, got, sameBlobs)
		if got.Verdict.Decision != report.Reject || res.code != 3 {
			t.Errorf("verdict %q exit %d, want the problems example rejected (exit 3)", got.Verdict.Decision, res.code)
		}
		if got.Image.Digest != problems.Digest.String() || got.Image.ConfigID != problems.Config.String() {
			t.Errorf("digest %s config %s, want the pushed %s %s", got.Image.Digest, got.Image.ConfigID, problems.Digest, problems.Config)
		}
		wantName := reg.Host + "/demo/problems:latest"
		if got.Image.Name != wantName || got.Image.Source != "registry" || got.Image.Reference != problemsRef {
			t.Errorf("name %q source %q reference %q, want %q registry %q", got.Image.Name, got.Image.Source, got.Image.Reference, wantName, problemsRef)
		}
		if want := wantName + "@" + problems.Digest.String(); got.Image.Pinned != want {
			t.Errorf("pinned %q, want %q", got.Image.Pinned, want)
		}
		if got.Image.Platform != "linux/amd64" || got.Image.IndexDigest != "" {
			t.Errorf("platform %q index %q, want linux/amd64 and no index", got.Image.Platform, got.Image.IndexDigest)
		}
		for what, out := range map[string]string{"report": res.stdout, "standard error": res.stderr} {
			if strings.Contains(out, reg.Password) {
				t.Errorf("the %s shows the registry password", what)
			}
			if strings.Contains(out, awsSecret) {
				t.Errorf("the %s shows the image's AWS secret key", what)
			}
		}
	})

	t.Run("clean image", func(t *testing.T) {
		key := newCosignKey(t)
		reg.sign(t, key, "demo/clean", clean.Digest, clean.Digest)
		res := inspect(t, password, append([]string{cleanRef, "--key", key.pub}, login...)...)
		got := res.mustReport(t)
		if res.code != 0 {
			t.Errorf("exit code %d for the clean example, want 0", res.code)
		}
		for _, f := range got.Findings {
			if f.Severity >= report.SeverityHigh {
				t.Errorf("clean example has a %s finding: %s %s", f.Severity, f.Check, f.Message)
			}
		}
		if got.Image.Digest != clean.Digest.String() || got.Image.User != "10001" {
			t.Errorf("digest %s user %q, want %s 10001", got.Image.Digest, got.Image.User, clean.Digest)
		}
	})

	t.Run("platforms", func(t *testing.T) {
		host := "linux/" + runtime.GOARCH
		tests := []struct {
			name         string
			args         []string
			wantPlatform string
			wantErr      []string
		}{
			{name: "host default", wantPlatform: host},
			{name: "arm64", args: []string{"--platform", "linux/arm64"}, wantPlatform: "linux/arm64"},
			{name: "arm64 v8", args: []string{"--platform", "linux/arm64/v8"}, wantPlatform: "linux/arm64"},
			{name: "amd64", args: []string{"--platform", "linux/amd64"}, wantPlatform: "linux/amd64"},
			{
				name: "missing", args: []string{"--platform", "linux/s390x"},
				wantErr: []string{"no image for platform linux/s390x in the index (it has linux/amd64, linux/arm64); choose one with --platform"},
			},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, ok := digests[tt.wantPlatform]; !ok && tt.wantErr == nil {
					t.Skipf("the index has no image for this host's platform %s", tt.wantPlatform)
				}
				res := inspect(t, password, append(append([]string{multiRef}, login...), tt.args...)...)
				if tt.wantErr != nil {
					res.mustFail(t, tt.wantErr...)
					if strings.Contains(res.stderr, "unknown/unknown") {
						t.Errorf("the attestation manifest is offered as a platform: %s", res.stderr)
					}
					return
				}
				got := res.mustReport(t)
				if got.Image.Platform != tt.wantPlatform || got.Image.Digest != digests[tt.wantPlatform].String() {
					t.Errorf("platform %s digest %s, want %s %s", got.Image.Platform, got.Image.Digest, tt.wantPlatform, digests[tt.wantPlatform])
				}
				if got.Image.IndexDigest != indexDigest.String() || strings.Join(got.Image.Platforms, " ") != "linux/amd64 linux/arm64" {
					t.Errorf("index %s platforms %v, want %s [linux/amd64 linux/arm64]", got.Image.IndexDigest, got.Image.Platforms, indexDigest)
				}
			})
		}
	})

	t.Run("image of an index by digest", func(t *testing.T) {
		ref := reg.Host + "/demo/multi@" + digests["linux/arm64"].String()
		got := inspect(t, password, append([]string{ref}, login...)...).mustReport(t)
		if got.Image.Digest != digests["linux/arm64"].String() || got.Image.Platform != "linux/arm64" || got.Image.IndexDigest != "" {
			t.Errorf("digest %s platform %s index %q", got.Image.Digest, got.Image.Platform, got.Image.IndexDigest)
		}
	})

	t.Run("wrong password", func(t *testing.T) {
		res := inspect(t, "not-the-password\n", append([]string{problemsRef}, login...)...)
		res.mustFail(t, "inspecting "+problemsRef, "UNAUTHORIZED")
		if strings.Contains(res.stderr, "not-the-password") {
			t.Errorf("the error shows the password: %s", res.stderr)
		}
	})

	t.Run("no credentials", func(t *testing.T) {
		inspect(t, "", problemsRef, "--insecure-registry", reg.Host).mustFail(t, "inspecting "+problemsRef, "UNAUTHORIZED")
	})

	t.Run("missing tag", func(t *testing.T) {
		ref := reg.Host + "/demo/problems:nope"
		inspect(t, password, append([]string{ref}, login...)...).mustFail(t, "inspecting "+ref, "MANIFEST_UNKNOWN")
	})

	t.Run("tampered blobs", func(t *testing.T) {
		tests := []struct {
			name   string
			target func(t *testing.T, img v1.Image) v1.Hash
		}{
			{name: "config", target: func(t *testing.T, img v1.Image) v1.Hash {
				h, err := img.ConfigName()
				if err != nil {
					t.Fatal(err)
				}
				return h
			}},
			{name: "layer", target: func(t *testing.T, img v1.Image) v1.Hash {
				ls, err := img.Layers()
				if err != nil {
					t.Fatal(err)
				}
				h, err := ls[len(ls)-1].Digest()
				if err != nil {
					t.Fatal(err)
				}
				return h
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				// Blobs are shared across a registry's repositories: each case
				// pushes an image of its own before corrupting one of its blobs.
				img := imagetest.Image(t, v1.Config{User: "1"},
					imagetest.Step{CreatedBy: "COPY", Layer: imagetest.Layer(t, imagetest.File{Path: "tampered-" + tt.name, Content: strings.Repeat(tt.name, 100)})})
				ref := reg.push(t, "demo/tampered-"+tt.name+":1", img)
				h := tt.target(t, img)
				reg.tamper(t, h)
				inspect(t, password, append([]string{ref}, login...)...).mustFail(t, "inspecting "+ref, h.String())
			})
		}
	})
}
