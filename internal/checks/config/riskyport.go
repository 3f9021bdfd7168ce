package config

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var riskyPortInfo = check.Info{
	ID:       "config/risky-port",
	Version:  1,
	Title:    "Exposes a risky port",
	Severity: report.SeverityMedium,
	Item:     report.ItemIsolation,
	Description: "The image exposes a TCP port of a remote-control service: 2375 or 4243, the Docker API without " +
		"TLS (critical: whoever reaches it controls the host's engine); 2376, the Docker API with TLS (high); 23, " +
		"telnet (high: cleartext logins); 22, SSH (medium: a second way in to manage); 3389, RDP, and 5900-5909, " +
		"VNC (medium).",
	Remediation: "Do not run remote-control daemons in application containers: use `docker exec` or the " +
		"orchestrator for access, and never expose the Docker API from a container.",
	References: []string{"CIS Docker Benchmark 2.6", "CIS Docker Benchmark 5.7", "https://docs.docker.com/reference/dockerfile/#expose"},
}

// riskyPorts are the TCP ports reported and why.
var riskyPorts = []struct {
	from, to int
	severity report.Severity
	what     string
}{
	{2375, 2375, report.SeverityCritical, "the Docker API without TLS: whoever reaches it controls the engine"},
	{4243, 4243, report.SeverityCritical, "the Docker API's former port, usually without TLS"},
	{2376, 2376, report.SeverityHigh, "the Docker API: a container should not serve its engine's control socket"},
	{23, 23, report.SeverityHigh, "telnet: logins in cleartext"},
	{22, 22, report.SeverityMedium, "SSH: a second way in that bypasses the engine"},
	{3389, 3389, report.SeverityMedium, "RDP remote desktop"},
	{5900, 5909, report.SeverityMedium, "VNC remote desktop"},
}

func riskyPort() check.Constructor {
	return check.Image(riskyPortInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		keys := make([]string, 0, len(cfg.ExposedPorts))
		for k := range cfg.ExposedPorts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []report.Finding
		history := steps(img)
		for _, k := range keys {
			lo, hi, ok := tcpPorts(k)
			if !ok {
				continue
			}
			for _, r := range riskyPorts {
				if hi < r.from || lo > r.to {
					continue
				}
				port := max(lo, r.from)
				ev := report.Evidence{ConfigKey: fmt.Sprintf("config.ExposedPorts[%q]", k), Value: redactText(k)}
				if st, ok := exposeStep(history, port); ok {
					ev.HistoryStep = report.Int(st)
				}
				f := info.New(fmt.Sprintf("exposes port %d/tcp, %s", port, r.what), ev)
				f.Severity = r.severity
				out = append(out, f)
			}
		}
		return out, nil
	})
}

// tcpPorts reads "2375/tcp", "22" or "5900-5905/tcp"; other protocols are
// not the services above.
func tcpPorts(key string) (int, int, bool) {
	ports, proto, _ := strings.Cut(key, "/")
	if proto != "" && !strings.EqualFold(proto, "tcp") {
		return 0, 0, false
	}
	a, b, isRange := strings.Cut(ports, "-")
	lo, err := strconv.Atoi(a)
	if err != nil || lo < 0 || lo > 65535 {
		return 0, 0, false
	}
	hi := lo
	if isRange {
		if hi, err = strconv.Atoi(b); err != nil || hi < lo || hi > 65535 {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// exposeStep finds the last history step whose EXPOSE names port.
func exposeStep(sts []step, port int) (int, bool) {
	for i := len(sts) - 1; i >= 0; i-- {
		if sts[i].instruction != "EXPOSE" {
			continue
		}
		for _, f := range strings.FieldsFunc(sts[i].text, func(r rune) bool { return r < '0' || r > '9' }) {
			if f == strconv.Itoa(port) {
				return sts[i].index, true
			}
		}
	}
	return 0, false
}
