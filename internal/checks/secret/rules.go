package secret

import (
	_ "embed"
	"fmt"

	"github.com/BurntSushi/toml"
)

// gitleaksRules is the gitleaks rule file, shipped unmodified (MIT, see
// data/LICENSE).
//
//go:embed data/gitleaks.toml
var gitleaksRules []byte

// ruleFile is the shape of a gitleaks configuration file.
type ruleFile struct {
	Allowlist ruleAllowlist `toml:"allowlist"`
	Rules     []ruleSpec    `toml:"rules"`
}

// ruleSpec is one gitleaks rule as written in the file.
type ruleSpec struct {
	ID          string          `toml:"id"`
	Description string          `toml:"description"`
	Regex       string          `toml:"regex"`
	Path        string          `toml:"path"`
	Entropy     float64         `toml:"entropy"`
	SecretGroup int             `toml:"secretGroup"`
	Keywords    []string        `toml:"keywords"`
	Allowlists  []ruleAllowlist `toml:"allowlists"`
}

// ruleAllowlist is a gitleaks allow list: a match is dropped when its path,
// its secret (or whole match, or line: RegexTarget) or a stop word says it
// is not a secret. Condition "AND" requires every listed kind to agree.
type ruleAllowlist struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	RegexTarget string   `toml:"regexTarget"`
	Paths       []string `toml:"paths"`
	Regexes     []string `toml:"regexes"`
	Stopwords   []string `toml:"stopwords"`
}

// parseRules decodes a gitleaks rule file. The input is the embedded file
// or, in tests and fuzzing, arbitrary bytes; it is bounded by the caller.
func parseRules(data []byte) (*ruleFile, error) {
	if len(data) > maxRuleFile {
		return nil, fmt.Errorf("rule file of %d bytes exceeds the limit of %d", len(data), maxRuleFile)
	}
	var rf ruleFile
	if _, err := toml.Decode(string(data), &rf); err != nil {
		return nil, fmt.Errorf("decoding secret rules: %w", err)
	}
	return &rf, nil
}

// maxRuleFile bounds the rule file (the shipped one is about 100 KiB).
const maxRuleFile = 4 << 20
