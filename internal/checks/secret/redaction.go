package secret

import (
	"github.com/customs-oss/customs/internal/redact"
)

// maskWord stands for a secret in evidence and messages.
const maskWord = redact.Mask

// fingerprint is what customs shows of a secret: its first characters when
// it is long enough that they give nothing away, never the rest.
func fingerprint(secret []byte) string {
	return redact.Value(string(secret))
}
