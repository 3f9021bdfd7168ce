package files

import (
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/report"
)

// credentialNames are file names that by convention hold a private key or a
// credential, and what they are.
var credentialNames = map[string]string{
	"id_rsa": "an SSH private key", "id_dsa": "an SSH private key", "id_ecdsa": "an SSH private key",
	"id_ed25519": "an SSH private key", "id_ecdsa_sk": "an SSH private key", "id_ed25519_sk": "an SSH private key",
	".git-credentials": "stored Git credentials", ".netrc": "stored login credentials", "_netrc": "stored login credentials",
	".pgpass": "stored PostgreSQL passwords", ".vault-token": "a Vault token", ".dockercfg": "registry credentials",
}

// credentialExts are extensions of key stores and private keys.
var credentialExts = map[string]string{
	".key": "a private key", ".p12": "a PKCS#12 key store", ".pfx": "a PKCS#12 key store",
	".ppk": "a PuTTY private key", ".kdbx": "a KeePass database",
}

// secretNames may hold secrets (tokens, passwords) among other settings.
var secretNames = map[string]string{
	".npmrc": "npm settings, which often hold a registry token", ".pypirc": "PyPI settings, which often hold a token",
	".my.cnf": "MySQL client settings, which often hold a password", ".env": "environment settings, which often hold secrets",
	".htpasswd": "password hashes",
}

// secretExts may hold secrets or private keys among other content.
var secretExts = map[string]string{
	".jks": "a Java key store", ".keystore": "a key store",
	".tfstate": "Terraform state, which holds the secrets of the resources it manages", ".ovpn": "a VPN profile, which may embed its key",
}

// sensitiveFile reports whether the name of p says it holds a credential:
// what it likely is, and how serious shipping it would be.
func sensitiveFile(p string) (string, report.Severity, bool) {
	name := path.Base(p)
	dir := path.Base(path.Dir(p))
	switch {
	case credentialNames[name] != "":
		return credentialNames[name], report.SeverityHigh, true
	case dir == ".aws" && name == "credentials":
		return "AWS credentials", report.SeverityHigh, true
	case dir == ".docker" && name == "config.json":
		return "registry credentials", report.SeverityHigh, true
	case credentialExts[path.Ext(name)] != "":
		return credentialExts[path.Ext(name)], report.SeverityHigh, true
	case path.Ext(name) == ".pem" && (strings.Contains(name, "key") || strings.Contains(name, "priv")):
		// privkey.pem, server-key.pem; other PEM files are mostly certificates.
		return "a PEM private key", report.SeverityHigh, true
	case secretNames[name] != "":
		return secretNames[name], report.SeverityMedium, true
	case strings.HasPrefix(name, ".env."):
		return secretNames[".env"], report.SeverityMedium, true
	case secretExts[path.Ext(name)] != "":
		return secretExts[path.Ext(name)], report.SeverityMedium, true
	}
	return "", 0, false
}
