package secret

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var privateKeyInfo = check.Info{
	ID:       "secret/private-key",
	Version:  1,
	Title:    "Private key in the image",
	Severity: report.SeverityCritical,
	Item:     report.ItemLookInside,
	Description: "A private key (RSA, EC, DSA, Ed25519 and PKCS #8 PEM blocks, OpenSSH, PuTTY and PGP private keys, " +
		"also quoted inside JSON, YAML or source code) ships in a layer, visible or deleted by a later layer: " +
		"anyone who pulls the image can extract it and act as its owner. Only blocks whose body decodes are " +
		"reported, never public keys or certificates. Critical for an unencrypted key, high for an encrypted " +
		"key or a PKCS #12 bundle, medium for SSH host keys (every container shares them) and the generated " +
		"ssl-cert snakeoil key, low for test and example material.",
	Remediation: "Remove the key from every layer (build secrets or a multi-stage build, not RUN rm), revoke it " +
		"and issue a new one. Generate host keys when the container starts, not when the image is built.",
	References: []string{
		"https://docs.docker.com/build/building/secrets/",
		"https://cwe.mitre.org/data/definitions/321.html",
	},
}

type privateKeyCheck struct{}

func privateKey() check.Constructor {
	return func() check.Check { return privateKeyCheck{} }
}

func (privateKeyCheck) Info() check.Info { return privateKeyInfo }

// Wants reads the text files of the image and files named for keys.
func (privateKeyCheck) Wants(e *facts.Entry) bool {
	return wantsText(e) || isPKCS12(e)
}

func isPKCS12(e *facts.Entry) bool {
	if e.Type != facts.TypeFile || e.Size <= 0 || e.Size > maxOtherFile || isThirdParty(e.Path) {
		return false
	}
	ext := strings.ToLower(path.Ext(e.Path))
	return ext == ".p12" || ext == ".pfx"
}

// CheckContent reports each private key in the file.
func (c privateKeyCheck) CheckContent(_ context.Context, e *facts.Entry, data []byte) ([]report.Finding, error) {
	info := privateKeyInfo
	if isPKCS12(e) {
		// A DER SEQUENCE: PKCS #12 files are binary.
		if len(data) < 64 || data[0] != 0x30 {
			return nil, nil
		}
		f := info.New(fmt.Sprintf("/%s is a PKCS #12 bundle, which usually holds a private key with its certificate, protected by a password that is often weak or empty", e.Path),
			report.Evidence{Path: "/" + e.Path, Value: "pkcs12-file"})
		f.Severity = report.SeverityHigh
		if isTestPath(e.Path) {
			f.Severity = report.SeverityLow
		}
		return []report.Finding{f}, nil
	}
	if len(data) > maxScan {
		data = data[:maxScan]
	}
	if isBinary(data) || !mayHoldKey(data) {
		return nil, nil
	}
	if path.Ext(e.Path) == ".json" && bytes.Contains(data, []byte(`"service_account"`)) {
		// secret/credential reports the service-account key file as a whole.
		return nil, nil
	}
	var out []report.Finding
	for _, k := range findKeys(data) {
		sev, why := keySeverity(e.Path, k)
		what := k.label
		if k.algorithm != "" {
			what += ", " + k.algorithm
		}
		f := info.New(fmt.Sprintf("/%s line %d holds a %sprivate key (%s): %s", e.Path, k.line, encryptedWord(k), what, why),
			report.Evidence{Path: "/" + e.Path, Value: fmt.Sprintf("-----BEGIN %s----- %s (line %d)", k.label, maskWord, k.line)})
		if strings.HasPrefix(k.label, "PuTTY") {
			f.Evidence.Value = fmt.Sprintf("%s: %s %s (line %d)", k.label, k.algorithm, maskWord, k.line)
		}
		f.Severity = sev
		out = append(out, f)
	}
	return out, nil
}

// mayHoldKey is the fast test that skips almost every file.
func mayHoldKey(data []byte) bool {
	return bytes.Contains(data, []byte("PRIVATE KEY")) || bytes.Contains(data, puttyMarker)
}

func encryptedWord(k keyBlock) string {
	if k.encrypted {
		return "passphrase-encrypted "
	}
	return ""
}

// keySeverity rates a key by where it is and whether it is encrypted.
func keySeverity(p string, k keyBlock) (report.Severity, string) {
	base := path.Base(p)
	switch {
	case isTestPath(p):
		return report.SeverityLow, "test or example material, most likely not a key in use"
	case strings.HasPrefix(p, "etc/ssh/") && strings.HasPrefix(base, "ssh_host_") && strings.HasSuffix(base, "_key"):
		return report.SeverityMedium, "an SSH host key baked into the image: every container from it shares the same host key, so one leak lets anyone impersonate them all"
	case strings.Contains(base, "snakeoil"):
		return report.SeverityMedium, "the ssl-cert snakeoil key generated when the image was built: every container shares it, so the TLS it protects is not private"
	case k.encrypted:
		return report.SeverityHigh, "a leaked key is only as safe as its passphrase, which can be guessed offline"
	}
	return report.SeverityCritical, "a planted or leaked key: anyone who pulls the image can extract it and use it"
}
