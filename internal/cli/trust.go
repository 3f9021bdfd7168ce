package cli

import (
	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/signature"
	"github.com/customs-oss/customs/internal/signature/notation"
)

// trustOptions are the flags that give the trust material image signatures
// are verified against.
type trustOptions struct {
	key string
	// keyless is the certificate identity keyless signatures must carry,
	// and trustedRoot the sigstore trusted_root.json they chain to.
	keyless     signature.Identity
	trustedRoot string
	// notationConfig is a notation configuration directory;
	// notationPolicy and notationStore name a trust policy file and a
	// trust store directory, each overriding the directory's.
	notationConfig, notationPolicy, notationStore string
}

func (t *trustOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&t.key, "key", "", "verify cosign signatures against the PEM public key in `FILE` (ECDSA, RSA or Ed25519)")
	fs.StringVar(&t.keyless.SAN, "certificate-identity", "", "verify keyless cosign signatures and sigstore bundles whose certificate names `ID` (an email or a workflow URI); needs --trusted-root")
	fs.StringVar(&t.keyless.SANRegexp, "certificate-identity-regexp", "", "like --certificate-identity, with an identity matching the regular expression `RE`")
	fs.StringVar(&t.keyless.Issuer, "certificate-oidc-issuer", "", "the OIDC `ISSUER` the keyless certificate must name, such as https://token.actions.githubusercontent.com")
	fs.StringVar(&t.keyless.IssuerRegexp, "certificate-oidc-issuer-regexp", "", "like --certificate-oidc-issuer, with an issuer matching the regular expression `RE`")
	fs.StringVar(&t.trustedRoot, "trusted-root", "", "verify keyless signatures offline against the sigstore trusted root `FILE` (trusted_root.json, as cosign verify --trusted-root takes)")
	fs.StringVar(&t.notationConfig, "notation-config", "", "verify notation signatures with the trust policy and trust store of the notation configuration `DIR` (notation's own is ~/.config/notation)")
	fs.StringVar(&t.notationPolicy, "notation-trust-policy", "", "verify notation signatures with the trust policy `FILE` (trustpolicy.json or trustpolicy.oci.json)")
	fs.StringVar(&t.notationStore, "notation-trust-store", "", "verify notation signatures with the trust store `DIR` (holding x509/ca/NAME/, x509/signingAuthority/NAME/, x509/tsa/NAME/)")
}

// verifiers reads the trust material the flags name; a flag that names
// something unusable is a usage error.
func (t *trustOptions) verifiers() ([]signature.Verifier, error) {
	var out []signature.Verifier
	if t.key != "" {
		k, err := signature.ReadKeyFile(t.key)
		if err != nil {
			return nil, usagef("--key: %v", err)
		}
		out = append(out, k)
	}
	if t.keyless != (signature.Identity{}) || t.trustedRoot != "" {
		id := t.keyless
		switch {
		case id.SAN == "" && id.SANRegexp == "":
			return nil, usagef("keyless verification needs --certificate-identity ID or --certificate-identity-regexp RE")
		case id.SAN != "" && id.SANRegexp != "":
			return nil, usagef("give --certificate-identity or --certificate-identity-regexp, not both")
		case id.Issuer == "" && id.IssuerRegexp == "":
			return nil, usagef("keyless verification needs --certificate-oidc-issuer ISSUER or --certificate-oidc-issuer-regexp RE")
		case id.Issuer != "" && id.IssuerRegexp != "":
			return nil, usagef("give --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both")
		case t.trustedRoot == "":
			return nil, usagef("keyless verification needs --trusted-root FILE, a sigstore trusted_root.json: customs verifies offline")
		}
		if err := id.Check(); err != nil {
			return nil, usagef("%v", err)
		}
		k, err := signature.ReadKeyless(t.trustedRoot, id)
		if err != nil {
			return nil, usagef("--trusted-root: %v", err)
		}
		out = append(out, k)
	}
	n, err := t.notation()
	if err != nil {
		return nil, err
	}
	if n != nil {
		out = append(out, n)
	}
	return out, nil
}

// notation reads the notation trust policy and trust store the flags
// name; nil when no notation flag is given. Trust policy scopes are matched
// against the repository each signature's targets name.
func (t *trustOptions) notation() (*notation.Notation, error) {
	if t.notationConfig == "" && t.notationPolicy == "" && t.notationStore == "" {
		return nil, nil
	}
	var c notation.Config
	if t.notationConfig != "" {
		var err error
		if c, err = notation.Locate(t.notationConfig); err != nil {
			return nil, usagef("--notation-config: %v", err)
		}
	}
	if t.notationPolicy != "" {
		c.PolicyFile = t.notationPolicy
	}
	if t.notationStore != "" {
		c.StoreDir = t.notationStore
	}
	switch {
	case c.PolicyFile == "":
		return nil, usagef("--notation-trust-store needs --notation-trust-policy FILE or --notation-config DIR")
	case c.StoreDir == "":
		return nil, usagef("--notation-trust-policy needs --notation-trust-store DIR or --notation-config DIR")
	}
	n, err := notation.Load(c)
	if err != nil {
		return nil, usagef("%v", err)
	}
	return n, nil
}
