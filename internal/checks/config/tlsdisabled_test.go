package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

func TestTLSDisabled(t *testing.T) {
	med := func(msg string) brief { return brief{report.SeverityMedium, msg} }
	tests := []struct {
		name string
		run  string
		want []brief
	}{
		{"curl -k", "curl -k https://x/a -o a", []brief{med("step 0: curl --insecure skips TLS certificate checks")}},
		{"curl clustered", "curl -fsSLk https://x/a -o a", []brief{med("step 0: curl --insecure skips TLS certificate checks")}},
		{"curl --insecure", "curl --insecure https://x/a", []brief{med("step 0: curl --insecure skips TLS certificate checks")}},
		{"curl -o k is not -k", "curl -fsSLo k https://x/k", nil},
		{"wget", "wget --no-check-certificate https://x/a", []brief{med("step 0: wget --no-check-certificate skips TLS certificate checks")}},
		{"git -c", "git -c http.sslVerify=false clone https://x/r", []brief{med("step 0: sslVerify is turned off (git, yum, conda)")}},
		{"git config", "git config --global http.sslverify false", []brief{med("step 0: sslVerify is turned off (git, yum, conda)")}},
		{"git env prefix", "GIT_SSL_NO_VERIFY=1 git clone https://x/r", []brief{med("step 0: GIT_SSL_NO_VERIFY turns off git's TLS certificate checks")}},
		{"node export", "export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci", []brief{med("step 0: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node.js TLS certificate checks")}},
		{"npm config", "npm config set strict-ssl false", []brief{med("step 0: npm strict-ssl is turned off")}},
		{"npmrc", "echo 'strict-ssl=false' >> ~/.npmrc", []brief{med("step 0: npm strict-ssl is turned off")}},
		{"pip trusted host", "pip install --trusted-host pypi.example.com app", []brief{med("step 0: pip trusts a host without TLS checks (--trusted-host)")}},
		{"python -m pip", "python3 -m pip install --trusted-host=x app", []brief{med("step 0: pip trusts a host without TLS checks (--trusted-host)")}},
		{"apk", "apk add --allow-untrusted /tmp/x.apk", []brief{med("step 0: apk --allow-untrusted installs packages with unverified signatures")}},
		{"apt", "apt-get install -y --allow-unauthenticated x", []brief{med("step 0: apt installs unauthenticated packages")}},
		{"apt conf", `echo 'APT::Get::AllowUnauthenticated "true";' > /etc/apt/apt.conf.d/99x`, []brief{med("step 0: apt is configured to allow unauthenticated packages")}},
		{"apt trusted source", `echo "deb [trusted=yes] http://x/ ./" > /etc/apt/sources.list.d/x.list`, []brief{med("step 0: an apt source is marked trusted=yes, so its signatures are not checked")}},
		{"rpm", "rpm -i --nosignature x.rpm", []brief{med("step 0: rpm skips package signature checks")}},
		{"dnf", "dnf install -y --nogpgcheck x", []brief{med("step 0: yum/dnf --nogpgcheck skips package signature checks")}},
		{"yum repo heredoc", "cat > /etc/yum.repos.d/x.repo <<EOF\n[x]\nbaseurl=http://x\ngpgcheck=0\nEOF", []brief{med("step 0: a yum/dnf repository has gpgcheck=0")}},
		{"two settings", "curl -k u -o a && wget --no-check-certificate u", []brief{
			med("step 0: curl --insecure skips TLS certificate checks"), med("step 0: wget --no-check-certificate skips TLS certificate checks")}},
		{"secure download", "curl -fsSL https://x/a -o a && sha256sum -c a.sha256", nil},
		{"option elsewhere", "echo --nosignature && grep -k x", nil},
		{"verification on", "git config --global http.sslVerify true && dnf install -y --setopt=gpgcheck=1 x", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(v1.Config{}, "/bin/sh -c "+tt.run)
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, tlsDisabled(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTLSDisabledEnv(t *testing.T) {
	cfg := v1.Config{Env: []string{"PATH=/bin", "NODE_TLS_REJECT_UNAUTHORIZED=0", "PYTHONHTTPSVERIFY=1", "GIT_SSL_NO_VERIFY=false", "PIP_TRUSTED_HOST=pypi.internal"}}
	img := historyImage(cfg, "RUN |1 GIT_SSL_NO_VERIFY=true /bin/sh -c git clone https://x/r # buildkit")
	want := []report.Finding{
		{Severity: report.SeverityMedium, Message: "in the environment, NODE_TLS_REJECT_UNAUTHORIZED=0 turns off Node.js TLS certificate checks", Evidence: report.Evidence{ConfigKey: "config.Env[1]", Value: "NODE_TLS_REJECT_UNAUTHORIZED=0"}},
		{Severity: report.SeverityMedium, Message: "in the environment, PIP_TRUSTED_HOST makes pip trust hosts without TLS checks", Evidence: report.Evidence{ConfigKey: "config.Env[4]", Value: "PIP_TRUSTED_HOST=pypi.internal"}},
		{Severity: report.SeverityMedium, Message: "step 0: build argument GIT_SSL_NO_VERIFY turns off git's TLS certificate checks", Evidence: report.Evidence{
			Layer: report.Int(0), LayerDigest: img.Layers[0].Digest, HistoryStep: report.Int(0), ConfigKey: "history[0]",
			Value: "RUN |1 GIT_SSL_NO_VERIFY=true /bin/sh -c git clone https://x/r # buildkit"}},
	}
	if diff := cmp.Diff(want, runCheck(t, tlsDisabled(), img), cmpFinding); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
