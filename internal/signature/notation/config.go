package notation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Config locates a trust policy file and a trust store directory.
type Config struct {
	PolicyFile string
	StoreDir   string
}

// policyFiles are the names notation gives its trust policy for OCI
// artifacts, newest first.
var policyFiles = []string{"trustpolicy.oci.json", "trustpolicy.json"}

// Locate finds the trust policy and trust store in a notation
// configuration directory laid out as notation keeps it
// (${XDG_CONFIG_HOME:-~/.config}/notation): trustpolicy.oci.json, or the
// older trustpolicy.json, and truststore/.
func Locate(configDir string) (Config, error) {
	fi, err := os.Stat(configDir)
	if err != nil {
		return Config{}, fmt.Errorf("notation configuration: %w", err)
	}
	if !fi.IsDir() {
		return Config{}, fmt.Errorf("notation configuration %s is not a directory", configDir)
	}
	c := Config{StoreDir: filepath.Join(configDir, "truststore")}
	for _, name := range policyFiles {
		p := filepath.Join(configDir, name)
		_, err := os.Lstat(p)
		if err == nil {
			c.PolicyFile = p
			return c, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return Config{}, fmt.Errorf("notation configuration: %w", err)
		}
	}
	return Config{}, fmt.Errorf("notation configuration %s has no trustpolicy.oci.json or trustpolicy.json", configDir)
}

// Load reads the trust policy and trust store c names.
func Load(c Config) (*Notation, error) {
	doc, err := ReadPolicy(c.PolicyFile)
	if err != nil {
		return nil, err
	}
	return New(doc, c.StoreDir)
}
