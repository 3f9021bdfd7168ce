package cli

import (
	"github.com/spf13/pflag"

	"github.com/customs-oss/customs/internal/signature"
)

// trustOptions are the flags that give the trust material image signatures
// are verified against.
type trustOptions struct {
	key string
}

func (t *trustOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&t.key, "key", "", "verify cosign signatures against the PEM public key in `FILE` (ECDSA, RSA or Ed25519)")
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
	return out, nil
}
