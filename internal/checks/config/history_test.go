package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseStep(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want step
	}{
		{"classic run", "/bin/sh -c apt-get update", step{instruction: "RUN", text: "apt-get update"}},
		{"classic nop env", "/bin/sh -c #(nop)  ENV A=b C=d", step{instruction: "ENV", text: "A=b C=d"}},
		{"classic nop add", "/bin/sh -c #(nop) ADD file:6d2f0b5c3e in / ", step{instruction: "ADD", text: "file:6d2f0b5c3e in /"}},
		{"classic build args", "|2 TOKEN=abc VERSION=1.2 /bin/sh -c make", step{instruction: "RUN", buildArgs: []string{"TOKEN=abc", "VERSION=1.2"}, text: "make"}},
		{"build arg value with spaces", "|1 MSG=hello world /bin/sh -c echo", step{instruction: "RUN", buildArgs: []string{"MSG=hello world"}, text: "echo"}},
		{"buildkit run", "RUN /bin/sh -c apk add curl # buildkit", step{instruction: "RUN", text: "apk add curl"}},
		{"buildkit run with args", "RUN |1 NPM_TOKEN=s3cr3t /bin/sh -c npm ci # buildkit", step{instruction: "RUN", buildArgs: []string{"NPM_TOKEN=s3cr3t"}, text: "npm ci"}},
		{"buildkit run with mount", "RUN --mount=type=cache,target=/root/.cache /bin/sh -c pip install x # buildkit", step{instruction: "RUN", flags: []string{"--mount=type=cache,target=/root/.cache"}, text: "pip install x"}},
		{"exec form run", `RUN ["apt-get", "install", "-y", "a b"] # buildkit`, step{instruction: "RUN", text: "apt-get install -y 'a b'"}},
		{"exec form shell", `RUN ["/bin/bash", "-c", "curl u | sh"]`, step{instruction: "RUN", text: "curl u | sh"}},
		{"buildkit env", "ENV PATH=/usr/local/bin:/usr/bin", step{instruction: "ENV", text: "PATH=/usr/local/bin:/usr/bin"}},
		{"buildkit add with checksum", "ADD --checksum=sha256:abc https://x/y /y # buildkit", step{instruction: "ADD", flags: []string{"--checksum=sha256:abc"}, text: "https://x/y /y"}},
		{"shell with options", "/bin/bash -o pipefail -c curl x", step{instruction: "RUN", text: "curl x"}},
		{"shell with flags", "RUN /bin/sh -eux -c make # buildkit", step{instruction: "RUN", text: "make"}},
		{"bash -c", "/bin/bash -c curl x | bash", step{instruction: "RUN", text: "curl x | bash"}},
		{"unknown text", "made by a custom tool", step{text: "made by a custom tool"}},
		{"empty", "", step{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseStep(tt.in)
			got.raw = ""
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(step{})); diff != "" {
				t.Errorf("parseStep(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseStepBounded(t *testing.T) {
	st := parseStep("RUN " + strings.Repeat("x ", maxScript))
	if len(st.raw) > maxScript {
		t.Errorf("raw text of %d bytes kept, want at most %d", len(st.raw), maxScript)
	}
	args := parseStep("|99999999 A=b")
	if len(args.buildArgs) != 1 {
		t.Errorf("build args %q, want the one present", args.buildArgs)
	}
}

func FuzzParseStep(f *testing.F) {
	for _, s := range []string{
		"/bin/sh -c #(nop)  ENV A=b", "|2 A=b C=d /bin/sh -c make", "RUN |1 X=y /bin/sh -c z # buildkit",
		`RUN ["a","b"]`, "ADD --checksum=x https://u /", "|", "|-1 A=b", "|3 A=b", "ENV", "LABEL a=b c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st := parseStep(s)
		if len(st.text) > maxScript+2 {
			t.Fatalf("text of %d bytes", len(st.text))
		}
		for _, a := range st.buildArgs {
			if !assignment.MatchString(a) {
				t.Fatalf("build argument %q is not NAME=value", a)
			}
		}
		for _, f := range stepSecrets(st) {
			if f.word != "" && !strings.Contains(f.word, f.value) {
				t.Fatalf("secret %q is not in its word %q", f.value, f.word)
			}
		}
		_ = safeStep(st)
	})
}
