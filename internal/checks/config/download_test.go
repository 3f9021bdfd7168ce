package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDownloadOutput(t *testing.T) {
	tests := []struct {
		cmd    string
		stdout bool
		saved  []string
	}{
		{"curl -fsSL https://x/a.sh", true, nil},
		{"curl -fsSLo a.sh https://x/b.sh", false, []string{"a.sh"}},
		{"curl -o - https://x/a", true, nil},
		{"curl --output=/tmp/t.tgz https://x/t.tgz", false, []string{"t.tgz"}},
		{"curl -LO https://x/dir/tool?version=2#frag", false, []string{"tool"}},
		{"curl -H 'Accept: x' --remote-name https://x/a.sh", false, []string{"a.sh"}},
		{"wget https://x/get.sh", false, []string{"get.sh"}},
		{"wget -qO- https://x/get.sh", true, nil},
		{"wget -O /usr/local/bin/tool https://x/t", false, []string{"tool"}},
		{"wget --output-document=- https://x/t", true, nil},
		{"wget https://x/", false, nil},
		{"fetch -o - https://x/a", true, nil},
		{"aria2c -o f https://x/a", false, []string{"f"}},
	}
	for _, tt := range tests {
		t.Run(tt.cmd, func(t *testing.T) {
			d, ok := asDownload(strings.Fields(tt.cmd))
			if !ok {
				t.Fatal("not a download")
			}
			if got := d.toStdout(); got != tt.stdout {
				t.Errorf("toStdout = %v, want %v", got, tt.stdout)
			}
			if diff := cmp.Diff(tt.saved, d.savedAs()); diff != "" {
				t.Errorf("savedAs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadsScript(t *testing.T) {
	tests := map[string]bool{
		"sh": true, "bash -": true, "bash -s -- --yes": true, "sh -e": true, "bash -o pipefail": true,
		"sh /dev/stdin": true, "python3 -": true, "python3": true, "perl": true, "node -": true,
		"sh -c 'echo'": false, "sh -ec x": false, "bash install.sh": false, "python3 -c x": false,
		"python3 -m pip": false, "node -e x": false, "tar xz": false, "cat": false,
	}
	for cmd, want := range tests {
		if got := readsScript(strings.Fields(cmd)); got != want {
			t.Errorf("readsScript(%q) = %v, want %v", cmd, got, want)
		}
	}
}
