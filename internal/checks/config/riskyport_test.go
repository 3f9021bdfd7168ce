package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/report"
)

func TestRiskyPort(t *testing.T) {
	ports := func(ps ...string) map[string]struct{} {
		m := map[string]struct{}{}
		for _, p := range ps {
			m[p] = struct{}{}
		}
		return m
	}
	tests := []struct {
		name  string
		ports map[string]struct{}
		want  []brief
	}{
		{"docker api", ports("2375/tcp"), []brief{{report.SeverityCritical, "exposes port 2375/tcp, the Docker API without TLS: whoever reaches it controls the engine"}}},
		{"docker api legacy", ports("4243"), []brief{{report.SeverityCritical, "exposes port 4243/tcp, the Docker API's former port, usually without TLS"}}},
		{"docker tls", ports("2376/tcp"), []brief{{report.SeverityHigh, "exposes port 2376/tcp, the Docker API: a container should not serve its engine's control socket"}}},
		{"telnet", ports("23/tcp"), []brief{{report.SeverityHigh, "exposes port 23/tcp, telnet: logins in cleartext"}}},
		{"ssh and web, sorted", ports("8080/tcp", "22/tcp"), []brief{{report.SeverityMedium, "exposes port 22/tcp, SSH: a second way in that bypasses the engine"}}},
		{"vnc range", ports("5890-5901/tcp"), []brief{{report.SeverityMedium, "exposes port 5900/tcp, VNC remote desktop"}}},
		{"rdp", ports("3389"), []brief{{report.SeverityMedium, "exposes port 3389/tcp, RDP remote desktop"}}},
		{"udp is another service", ports("22/udp", "2375/udp"), nil},
		{"web ports", ports("80/tcp", "443/tcp", "8080"), nil},
		{"garbage", ports("abc", "99999/tcp", "10-5/tcp", ""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := historyImage(v1.Config{ExposedPorts: tt.ports})
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, riskyPort(), img))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRiskyPortEvidence(t *testing.T) {
	cfg := v1.Config{ExposedPorts: map[string]struct{}{"2375/tcp": {}, "22/tcp": {}}}
	img := testImage(cfg, []string{"ADD rootfs /", "/bin/sh -c #(nop)  EXPOSE 22", "EXPOSE map[2375/tcp:{} 8080/tcp:{}]"}, layer{step: 0})
	want := []report.Finding{
		{Severity: report.SeverityMedium, Message: "exposes port 22/tcp, SSH: a second way in that bypasses the engine",
			Evidence: report.Evidence{ConfigKey: `config.ExposedPorts["22/tcp"]`, Value: "22/tcp", HistoryStep: report.Int(1)}},
		{Severity: report.SeverityCritical, Message: "exposes port 2375/tcp, the Docker API without TLS: whoever reaches it controls the engine",
			Evidence: report.Evidence{ConfigKey: `config.ExposedPorts["2375/tcp"]`, Value: "2375/tcp", HistoryStep: report.Int(2)}},
	}
	if diff := cmp.Diff(want, runCheck(t, riskyPort(), img), cmpFinding); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestNoHealthcheck(t *testing.T) {
	hc := func(test ...string) *v1.HealthConfig { return &v1.HealthConfig{Test: test} }
	tests := []struct {
		name string
		cfg  v1.Config
		want []brief
	}{
		{"service without healthcheck", v1.Config{Entrypoint: []string{"/app/server"}}, []brief{{report.SeverityLow, "the image defines no HEALTHCHECK"}}},
		{"healthcheck none", v1.Config{Cmd: []string{"nginx", "-g", "daemon off;"}, Healthcheck: hc("NONE")}, []brief{{report.SeverityLow, "HEALTHCHECK NONE turns off the health check"}}},
		{"empty test", v1.Config{Cmd: []string{"/app"}, Healthcheck: hc()}, []brief{{report.SeverityLow, "the image defines no HEALTHCHECK"}}},
		{"shell with a script", v1.Config{Cmd: []string{"sh", "-c", "exec app"}}, []brief{{report.SeverityLow, "the image defines no HEALTHCHECK"}}},
		{"healthcheck cmd", v1.Config{Cmd: []string{"/app"}, Healthcheck: hc("CMD", "/app", "--health")}, nil},
		{"healthcheck shell", v1.Config{Cmd: []string{"/app"}, Healthcheck: hc("CMD-SHELL", "curl -f http://localhost/ || exit 1")}, nil},
		{"base image shell", v1.Config{Cmd: []string{"/bin/bash"}}, nil},
		{"base image login shell", v1.Config{Cmd: []string{"sh", "-l"}}, nil},
		{"nothing to run", v1.Config{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, briefs(runCheck(t, noHealthcheck(), historyImage(tt.cfg)))); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
