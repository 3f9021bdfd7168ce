package config

import (
	"context"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var noHealthcheckInfo = check.Info{
	ID:       "config/no-healthcheck",
	Version:  1,
	Title:    "No health check",
	Severity: report.SeverityLow,
	Item:     report.ItemIsolation,
	Description: "The image defines no HEALTHCHECK, or disables the one it inherits with `HEALTHCHECK NONE`, so the " +
		"engine cannot tell a hung service from a working one. Images that start nothing (no ENTRYPOINT or CMD) " +
		"and base images whose only command is a bare shell (`CMD [\"bash\"]`) are not reported: they are built " +
		"upon, and the image that runs a service is where its health check belongs.",
	Remediation: "Add `HEALTHCHECK CMD <a command that fails when the service does>` (or define the probe in the " +
		"orchestrator, which ignores HEALTHCHECK).",
	References: []string{"CIS Docker Benchmark 4.6", "https://docs.docker.com/reference/dockerfile/#healthcheck"},
}

func noHealthcheck() check.Constructor {
	return check.Image(noHealthcheckInfo, func(_ context.Context, info check.Info, img *facts.Image) ([]report.Finding, error) {
		cfg, err := runConfig(img)
		if err != nil {
			return nil, err
		}
		argv, _ := startArgv(img)
		if len(argv) == 0 || bareShell(argv) {
			return nil, nil
		}
		hc := cfg.Healthcheck
		switch {
		case hc == nil || len(hc.Test) == 0:
			return []report.Finding{info.New("the image defines no HEALTHCHECK", report.Evidence{ConfigKey: "config.Healthcheck"})}, nil
		case hc.Test[0] == "NONE":
			return []report.Finding{info.New("HEALTHCHECK NONE turns off the health check", report.Evidence{ConfigKey: "config.Healthcheck", Value: "NONE"})}, nil
		}
		return nil, nil
	})
}

// bareShell reports whether argv only starts an interactive shell, as base
// OS images do.
func bareShell(argv []string) bool {
	if len(argv) == 1 {
		return isShell(base(argv[0]))
	}
	return len(argv) == 2 && isShell(base(argv[0])) && (argv[1] == "-l" || argv[1] == "-i" || argv[1] == "--login")
}
