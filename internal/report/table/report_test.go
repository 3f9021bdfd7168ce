package table

import "github.com/customs-oss/customs/internal/report"

// Test reports, built by hand: a rich one with every section filled and some
// hostile strings, and a clean one.

const (
	digestA = "sha256:3f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"
	digestB = "sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d"
	digestC = "sha256:0000aaaa1111bbbb2222cccc3333dddd4444eeee5555ffff6666777788889999"
	index   = "sha256:abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd"
)

func richReport() *report.Report {
	findings := []report.Finding{
		{
			Check: "config/secret-in-env", Title: "Secret in the environment", Severity: report.SeverityCritical,
			Item: report.ItemPrivilege, Message: "ENV AWS_SECRET_ACCESS_KEY holds what looks like a live AWS secret key",
			Evidence:    report.Evidence{ConfigKey: "config.Env[2]", Value: "AWS_SECRET_ACCESS_KEY=wJal...[REDACTED]"},
			Remediation: "Remove the secret from the image, rotate it, and pass secrets at run time with a secret store.",
			References:  []string{"CIS Docker 4.10", "https://docs.docker.com/build/building/secrets/"},
		},
		{
			Check: "config/risky-port", Title: "Docker API port exposed", Severity: report.SeverityCritical,
			Item: report.ItemPrivilege, Message: "the image exposes 2375/tcp, the unencrypted Docker Engine API",
			Evidence:    report.Evidence{ConfigKey: "config.ExposedPorts", Value: "2375/tcp"},
			Remediation: "Do not expose the Docker API; if you must, use 2376 with mutual TLS.",
		},
		{
			Check: "config/root-user", Title: "Runs as root", Severity: report.SeverityHigh,
			Item: report.ItemPrivilege, Message: "no USER is set, so the container runs as root",
			Evidence: report.Evidence{ConfigKey: "config.User"}, Remediation: "Add a USER instruction with a non-root user.",
		},
		{
			Check: "files/setuid", Title: "Setuid file in an unusual place", Severity: report.SeverityHigh,
			Item: report.ItemMalicious, Message: "setuid root shell at /tmp/.x/sh",
			Evidence: report.Evidence{Layer: report.Int(2), LayerDigest: digestC, Path: "tmp/.x/sh", HistoryStep: report.Int(5)},
		},
		{
			Check: "files/hidden-secret", Title: "Private key hidden by a later layer", Severity: report.SeverityCritical,
			Item: report.ItemMalicious, Message: "an SSH private key was added and then deleted by a whiteout; anyone who pulls the image still gets it",
			Evidence:    report.Evidence{Layer: report.Int(1), LayerDigest: digestB, Path: "root/.ssh/id_rsa", HistoryStep: report.Int(3), HiddenBy: report.Int(2)},
			Remediation: "Rebuild without the key (use a build secret) and revoke the key.",
		},
		{
			Check: "files/world-writable", Title: "World-writable directory", Severity: report.SeverityMedium,
			Item: report.ItemLookInside, Message: "directory is writable by every user\nand has no sticky bit",
			Evidence: report.Evidence{Layer: report.Int(2), LayerDigest: digestC, Path: "app"},
		},
		{
			Check: "scripts/curl-pipe-sh", Title: "Download piped to a shell", Severity: report.SeverityHigh,
			Item: report.ItemScripts, Message: "a RUN step pipes a download straight into sh, so the build ran whatever the server sent",
			Evidence:   report.Evidence{HistoryStep: report.Int(4), Value: "RUN curl -fsSL https://get.example.com/install.sh | sh  # with two spaces"},
			References: []string{"https://example.com/curl-pipe-sh"},
		},
		{
			Check: "pin/mutable-tag", Title: "Mutable tag", Severity: report.SeverityLow,
			Item: report.ItemPin, Message: "the reference uses the tag latest, which can move to another image at any time",
			Evidence: report.Evidence{Reference: "docker.io/library/demo:latest"}, Remediation: "Pin by digest: docker.io/library/demo:latest@" + index,
		},
		{
			Check: "base/eol", Title: "Base OS past end of life", Severity: report.SeverityHigh,
			Item: report.ItemBase, Message: "Debian 9 stopped getting security updates on 2022-06-30",
			Evidence: report.Evidence{Path: "etc/os-release", Layer: report.Int(0), LayerDigest: digestA},
		},
		{
			Check: "scripts/entrypoint", Title: "Entrypoint", Severity: report.SeverityInfo,
			Item: report.ItemScripts, Message: "the entrypoint runs \x1b[32m/docker-entrypoint.sh\x1b[0m\u202e, a shell script",
			Evidence: report.Evidence{Path: "docker-entrypoint.sh", Layer: report.Int(2), LayerDigest: digestC, Value: "#!/bin/sh\nexec \"$@\"\x07"},
		},
	}
	r := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "customs", Version: "1.2.3"},
		Image: report.Image{
			Reference: "demo:latest", Name: "docker.io/library/demo:latest", Source: "registry",
			Digest: digestA, IndexDigest: index, Pinned: "docker.io/library/demo:latest@" + index,
			Platform: "linux/amd64", Platforms: []string{"linux/amd64", "linux/arm64", "linux/arm/v7"},
			CompressedSize: 2_873_412, Size: 7_740_416, Files: 1234, Created: "2024-03-01T10:00:00Z",
			OS:   &report.OS{ID: "debian", VersionID: "9", PrettyName: "Debian GNU/Linux 9 (stretch)", Family: "debian", EOL: "2022-06-30", Support: "eol"},
			User: "", Entrypoint: []string{"/docker-entrypoint.sh"}, Cmd: []string{"nginx", "-g", "daemon off;"},
			WorkingDir: "/app", ExposedPorts: []string{"22/tcp", "2375/tcp"},
			Layers: []report.Layer{
				{Index: 0, Digest: digestA, DiffID: digestA, CompressedSize: 2_000_000, Size: 5_600_000, Files: 1100, HistoryStep: report.Int(0),
					CreatedBy: "/bin/sh -c #(nop) ADD file:5e4d3c2b1a in / "},
				{Index: 1, Digest: digestB, DiffID: digestB, CompressedSize: 873_000, Size: 2_000_000, Files: 120, HistoryStep: report.Int(3),
					CreatedBy: "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl ca-certificates sudo openssh-server && rm -rf /var/lib/apt/lists/*"},
				{Index: 2, Digest: digestC, DiffID: digestC, CompressedSize: 412, Size: 140_416, Files: 14,
					CreatedBy: "RUN /bin/sh -c chmod 777 /app # buildkit"},
			},
			Surface: []report.Component{
				{Kind: "network", Name: "curl", Path: "usr/bin/curl"},
				{Kind: "package-manager", Name: "apt", Path: "usr/bin/apt"},
				{Kind: "package-manager", Name: "dpkg", Path: "usr/bin/dpkg"},
				{Kind: "shell", Name: "bash", Path: "bin/bash"},
				{Kind: "shell", Name: "sh", Path: "bin/sh"},
			},
		},
		Findings: findings,
		Checks: []report.CheckStatus{
			{ID: "base/eol", Status: report.StatusOK, Findings: 1},
			{ID: "config/risky-port", Status: report.StatusOK, Findings: 1},
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
			Reference: "oci:/images/demo-clean", Name: "example.com/demo/clean:3.22", Source: "oci", Digest: digestA,
			Pinned: "example.com/demo/clean:3.22@" + digestA, Platform: "linux/amd64",
			CompressedSize: 3_801_245, Size: 8_912_384, Files: 523, Created: "2025-06-01T00:00:00Z",
			OS:   &report.OS{ID: "alpine", VersionID: "3.22.0", PrettyName: "Alpine Linux v3.22", Family: "alpine", EOL: "2027-05-01", Support: "supported"},
			User: "app", Cmd: []string{"/app/server"},
			Layers: []report.Layer{
				{Index: 0, Digest: digestA, DiffID: digestA, CompressedSize: 3_801_245, Size: 8_912_384, Files: 523, HistoryStep: report.Int(0),
					CreatedBy: "ADD alpine-minirootfs-3.22.0-x86_64.tar.gz / # buildkit"},
			},
		},
		Findings: []report.Finding{},
		Checks: []report.CheckStatus{
			{ID: "config/root-user", Status: report.StatusOK},
			{ID: "files/setuid", Status: report.StatusOK},
		},
	}
	r.Verdict = report.DefaultPolicy().Decide(r.Findings)
	return r
}
