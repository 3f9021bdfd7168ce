package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

func TestSudo(t *testing.T) {
	med := func(msg string) brief { return brief{report.SeverityMedium, msg} }
	tests := []struct {
		name string
		run  string
		want []brief
	}{
		{"apt-get", "apt-get update && apt-get install -y --no-install-recommends curl sudo && rm -rf /var/lib/apt/lists/*", []brief{med("step 0 installs sudo")}},
		{"apt with version", "apt install -y sudo=1.9.13p3-1", []brief{med("step 0 installs sudo")}},
		{"apk", "apk add --no-cache sudo", []brief{med("step 0 installs sudo")}},
		{"yum", "yum install -y sudo && yum clean all", []brief{med("step 0 installs sudo")}},
		{"doas", "apk add doas", []brief{med("step 0 installs doas")}},
		{"nopasswd", `echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers`, []brief{med("step 0 writes a NOPASSWD sudo rule")}},
		{"nopasswd heredoc", "cat > /etc/sudoers.d/app <<EOF\napp ALL=(ALL) NOPASSWD:ALL\nEOF", []brief{med("step 0 writes a NOPASSWD sudo rule")}},
		{"usermod", "usermod -aG sudo app", []brief{med("step 0 adds a user to the sudo group")}},
		{"adduser", "adduser app wheel", []brief{med("step 0 adds a user to the wheel group")}},
		{"install and grant", "apt-get install -y sudo && usermod -a -G sudo,docker app", []brief{med("step 0 installs sudo"), med("step 0 adds a user to the sudo group")}},
		{"other packages", "apt-get install -y sudoku pseudo libsudo-dev", nil},
		{"removal", "apt-get purge -y sudo", nil},
		{"plain user", "useradd -u 10001 -G app app && adduser -D web", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(v1.Config{}, "/bin/sh -c "+tt.run)
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, sudo(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
