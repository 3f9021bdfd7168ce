package sarif

import "github.com/customs-oss/customs/internal/report"

// Test reports, built by hand so that every kind of evidence, every severity
// and a failed check appear.

const (
	digestA = "sha256:1111111111111111111111111111111111111111111111111111111111111111"
	digestB = "sha256:2222222222222222222222222222222222222222222222222222222222222222"
	diffA   = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	diffB   = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
)

func richReport() *report.Report {
	findings := []report.Finding{
		{
			Check: "config/secret-in-env", Title: "Secret in the environment", Severity: report.SeverityCritical,
			Item: report.ItemPrivilege, Message: "ENV AWS_SECRET_ACCESS_KEY holds what looks like a live credential",
			Evidence:    report.Evidence{ConfigKey: "config.Env[2]", Value: "AWS_SECRET_ACCESS_KEY=wJal...[REDACTED]"},
			Remediation: "Remove the secret from the image and rotate it; pass secrets at run time.",
			References:  []string{"CIS Docker 4.10", "https://docs.docker.com/build/building/secrets/"},
		},
		{
			Check: "config/secret-in-env", Title: "Secret in the environment", Severity: report.SeverityCritical,
			Item: report.ItemPrivilege, Message: "ENV AWS_ACCESS_KEY_ID holds an AWS access key ID",
			Evidence:    report.Evidence{ConfigKey: "config.Env[1]", Value: "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"},
			Remediation: "Remove the secret from the image and rotate it; pass secrets at run time.",
		},
		{
			Check: "config/risky-port", Title: "Docker API port exposed", Severity: report.SeverityCritical,
			Item: report.ItemPrivilege, Message: "the image exposes 2375/tcp, the unencrypted Docker API",
			Evidence: report.Evidence{ConfigKey: "config.ExposedPorts", Value: "2375/tcp"},
		},
		{
			Check: "config/root-user", Title: "Runs as root", Severity: report.SeverityHigh,
			Item: report.ItemPrivilege, Message: "no USER is set, so the container runs as root",
			Evidence: report.Evidence{ConfigKey: "config.User"}, Remediation: "Add a USER instruction with a non-root user.",
		},
		{
			Check: "files/setuid", Title: "Setuid file in an unusual place", Severity: report.SeverityHigh,
			Item: report.ItemMalicious, Message: "setuid root shell at /tmp/.x/sh",
			Evidence: report.Evidence{Layer: report.Int(1), LayerDigest: digestB, Path: "tmp/.x/sh", HistoryStep: report.Int(4)},
		},
		{
			Check: "files/hidden-secret", Title: "Private key hidden by a later layer", Severity: report.SeverityCritical,
			Item: report.ItemMalicious, Message: "an SSH private key was added and later deleted; it is still in the layer",
			Evidence: report.Evidence{Layer: report.Int(0), LayerDigest: digestA, Path: "root/.ssh/id_rsa", HiddenBy: report.Int(1)},
		},
		{
			Check: "files/world-writable", Title: "World-writable directory", Severity: report.SeverityMedium,
			Item: report.ItemLookInside, Message: "directory is writable by every user\nand has no sticky bit",
			Evidence: report.Evidence{Layer: report.Int(1), LayerDigest: digestB, Path: "app data/a:b#c?d%e"},
		},
		{
			Check: "scripts/curl-pipe-sh", Title: "Download piped to a shell", Severity: report.SeverityHigh,
			Item: report.ItemScripts, Message: "a RUN step pipes a download into sh",
			Evidence:   report.Evidence{HistoryStep: report.Int(3), Value: "RUN curl -fsSL https://get.example.com | sh"},
			References: []string{"https://example.com/curl-pipe-sh"},
		},
		{
			Check: "pin/mutable-tag", Title: "Mutable tag", Severity: report.SeverityLow,
			Item: report.ItemPin, Message: "the reference uses the tag latest",
			Evidence: report.Evidence{Reference: "docker.io/library/demo:latest"},
		},
		{
			Check: "base/info", Title: "Base image", Severity: report.SeverityInfo,
			Item: report.ItemBase, Message: "Debian GNU/Linux 9 (stretch)",
		},
	}
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: "1.2.3"},
		Image: report.Image{
			Reference: "demo:latest", Name: "docker.io/library/demo:latest", Source: "registry",
			Digest: digestA, Pinned: "docker.io/library/demo:latest@" + digestA, Platform: "linux/amd64",
			Layers: []report.Layer{
				{Index: 0, Digest: digestA, DiffID: diffA},
				{Index: 1, Digest: digestB, DiffID: diffB},
			},
		},
		Findings: findings,
		Checks: []report.CheckStatus{
			{ID: "base/info", Status: report.StatusOK, Findings: 1},
			{ID: "content/miner", Status: report.StatusError, Error: "reading /usr/bin/xmrig: unexpected EOF"},
			{ID: "vulns/osv", Status: report.StatusSkipped},
		},
	}
	report.SortFindings(r.Findings)
	r.Verdict = report.DefaultPolicy().Decide(r.Findings)
	return r
}

func cleanReport() *report.Report {
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: "1.2.3"},
		Image: report.Image{
			Reference: "oci:/images/clean", Source: "oci", Digest: digestA,
			Layers: []report.Layer{{Index: 0, Digest: digestA, DiffID: diffA}},
		},
		Findings: []report.Finding{},
		Checks:   []report.CheckStatus{{ID: "config/root-user", Status: report.StatusOK}},
	}
	r.Verdict = report.DefaultPolicy().Decide(r.Findings)
	return r
}
