package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

func TestDownloadExec(t *testing.T) {
	high := func(msg string) brief { return brief{report.SeverityHigh, msg} }
	tests := []struct {
		name string
		run  string
		want []brief
	}{
		{"curl pipe sh", "curl -fsSL https://get.example.com | sh", []brief{high("step 0 pipes a download (curl) into sh")}},
		{"wget to stdout into bash", "wget -qO- https://x/install | bash", []brief{high("step 0 pipes a download (wget) into bash")}},
		{"wget -O - into bash", "wget -O - https://x/install | bash -s -- --yes", []brief{high("step 0 pipes a download (wget) into bash")}},
		{"through sudo", "curl -sL https://deb.example.com/setup | sudo -E bash -", []brief{high("step 0 pipes a download (curl) into bash")}},
		{"through a decompressor", "curl -sL https://x/i.sh.gz | gunzip | sh", []brief{high("step 0 pipes a download (curl) into sh")}},
		{"into python", "curl -sSL https://install.python-poetry.org | python3 -", []brief{high("step 0 pipes a download (curl) into python3")}},
		{"inside a condition", "if true; then curl -s u | sh; fi", []brief{high("step 0 pipes a download (curl) into sh")}},
		{"process substitution", "bash <(curl -fsSL https://x/install.sh)", []brief{high("step 0 runs a download (curl) with bash")}},
		{"command substitution", `sh -c "$(curl -fsSL https://x/install.sh)"`, []brief{high("step 0 runs a download (curl) with sh")}},
		{"eval", `eval "$(wget -qO- https://x/env)"`, []brief{high("step 0 runs a download (wget) with eval")}},
		{"redirect from process substitution", "sh < <(curl -s u)", []brief{high("step 0 runs a download (curl) with sh")}},
		{"echo of a download", `echo "$(curl -s u)" | sh`, []brief{high("step 0 pipes a download (curl) into sh")}},
		{"saved then run", "curl -fsSLo /tmp/install.sh https://x/install.sh && sh /tmp/install.sh", []brief{high("step 0 downloads install.sh with curl and runs it without checking a checksum or signature")}},
		{"saved with -O then executed", "wget https://x/get.sh && chmod +x get.sh && ./get.sh", []brief{high("step 0 downloads get.sh with wget and runs it without checking a checksum or signature")}},
		{"saved and verified", "curl -fsSLo /tmp/install.sh https://x/install.sh && echo \"abc  /tmp/install.sh\" | sha256sum -c && sh /tmp/install.sh", nil},
		{"checksum download", "curl -fsSLo file https://x/file.tgz && sha256sum -c file.sha256", nil},
		{"download to a file", "curl -fsSL -o /usr/local/bin/tini https://x/tini", nil},
		{"download into tar", "curl -fsSL https://x/a.tgz | tar xz -C /opt", nil},
		{"version lookup", `V=$(curl -s https://api/latest) && bash install.sh "$V"`, nil},
		{"shell script from the image", "sh /tmp/setup.sh", nil},
		{"sh -c with text", `curl -o x u; sh -c "echo hi"`, nil},
		{"wget to a file then pipe", "wget -q https://x/a && cat a | sh", nil},
		{"command -v", "command -v curl | sh", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(v1.Config{}, "/bin/sh -c "+tt.run)
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, downloadExec(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDownloadExecAddAndStart(t *testing.T) {
	tests := []struct {
		name    string
		cfg     v1.Config
		history []string
		want    []report.Finding
	}{
		{"add url", v1.Config{}, []string{"ADD https://x/app.tgz /opt/ # buildkit"}, []report.Finding{{
			Severity: report.SeverityMedium, Message: "step 0 adds https://x/app.tgz without --checksum",
			Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: "sha256:0000000000000000000000000000000000000000000000000000000000000001", HistoryStep: report.Int(0), ConfigKey: "history[0]", Value: "ADD https://x/app.tgz /opt/ # buildkit"},
		}}},
		{"add url with checksum", v1.Config{}, []string{"ADD --checksum=sha256:abc https://x/app.tgz /opt/ # buildkit"}, nil},
		{"add local file", v1.Config{}, []string{"/bin/sh -c #(nop) ADD file:abc in / "}, nil},
		{"start command downloads", v1.Config{Entrypoint: []string{"/bin/sh", "-c", "curl -s https://x/run.sh | sh"}}, nil, []report.Finding{{
			Severity: report.SeverityHigh, Message: "the start command pipes a download (curl) into sh, each time the container starts",
			Evidence: report.Evidence{ConfigKey: "config.Entrypoint", Value: "curl -s https://x/run.sh | sh"},
		}}},
		{"start command runs a file", v1.Config{Cmd: []string{"sh", "-c", "exec /app/run"}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(tt.cfg, tt.history...)
			if diff := cmp.Diff(tt.want, runCheck(t, downloadExec(), img), cmpFinding); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDownloadExecEvidenceRedacted(t *testing.T) {
	img := historyImage(v1.Config{}, "/bin/sh -c curl -u ci:"+dbPassword+" https://x/i.sh | sh")
	fs := runCheck(t, downloadExec(), img)
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1", len(fs))
	}
	noLeak(t, fs, dbPassword)
}
