package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

func TestWorldWritable(t *testing.T) {
	tests := map[string]bool{
		"777": true, "0777": true, "666": true, "757": true, "1777": false, "01777": false, "775": false, "755": false,
		"a+rwx": true, "o+w": true, "ugo+rwx": true, "u=rwx,g=rwx,o=rwx": true, "a=rw": true, "go+w": true,
		"+w": false, "u+w": false, "o-w": false, "a+rwxt": false, "g+w": false, "u+x,o+rw": true, "o+r-w": false,
		"": false, "9": false, "x": false,
	}
	for mode, want := range tests {
		if got := worldWritable(mode); got != want {
			t.Errorf("worldWritable(%q) = %v, want %v", mode, got, want)
		}
	}
}

func TestChmod777(t *testing.T) {
	med := func(msg string) brief { return brief{report.SeverityMedium, msg} }
	tests := []struct {
		name string
		run  string
		want []brief
	}{
		{"recursive 777", "chmod -R 777 /app", []brief{med("step 0 makes /app world-writable (chmod 777)")}},
		{"symbolic", "chmod a+rwx /data /logs", []brief{med("step 0 makes /data, /logs world-writable (chmod a+rwx)")}},
		{"others write", "chmod o+w /etc/app.conf", []brief{med("step 0 makes /etc/app.conf world-writable (chmod o+w)")}},
		{"many files", "chmod 666 a b c d e", []brief{med("step 0 makes a, b, c and 2 more world-writable (chmod 666)")}},
		{"find exec", `find /app -type d -exec chmod 777 {} \;`, []brief{med("step 0 makes /app world-writable (chmod 777)")}},
		{"xargs", "find /app | xargs chmod 0777", []brief{med("step 0 makes files world-writable (chmod 0777)")}},
		{"mkdir -m", "mkdir -p -m 777 /shared", []brief{med("step 0 makes /shared world-writable (mkdir 777)")}},
		{"install -m", "install -m 0777 tool /usr/local/bin/tool", []brief{med("step 0 makes tool, /usr/local/bin/tool world-writable (install 0777)")}},
		{"sudo", "sudo chmod 777 /x", []brief{med("step 0 makes /x world-writable (chmod 777)")}},
		{"sticky tmp", "chmod 1777 /tmp", nil},
		{"executable", "chmod +x /usr/local/bin/app && chmod 755 /app", nil},
		{"group write", "chmod -R g+w /app", nil},
		{"echo", "echo chmod 777 /app", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(v1.Config{}, "/bin/sh -c "+tt.run)
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, chmod777(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestChmod777StartCommand(t *testing.T) {
	img := historyImage(v1.Config{Cmd: []string{"/bin/sh", "-c", "chmod 777 /data && exec app"}})
	want := []report.Finding{{Severity: report.SeverityMedium, Message: "the start command makes /data world-writable (chmod 777)",
		Evidence: report.Evidence{ConfigKey: "config.Cmd", Value: "chmod 777 /data"}}}
	if diff := cmp.Diff(want, runCheck(t, chmod777(), img), cmpFinding); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestChmod777Bounded(t *testing.T) {
	run := "/bin/sh -c " + strings.Repeat("chmod 777 /x; ", 3*maxPerSource)
	if got := len(runCheck(t, chmod777(), historyImage(v1.Config{}, run))); got != maxPerSource {
		t.Errorf("%d findings for one step, want the bound %d", got, maxPerSource)
	}
}
