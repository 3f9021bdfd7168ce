package notation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/notaryproject/notation-go/verifier/trustpolicy"
)

// MaxPolicySize bounds a trust policy file: a few statements of names,
// scopes and identities.
const MaxPolicySize = 1 << 20

// ReadPolicy reads and validates a notation trust policy file
// (trustpolicy.json, or trustpolicy.oci.json as notation 1.2 and later
// name it), which must be a regular file as notation requires.
func ReadPolicy(path string) (*trustpolicy.Document, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("reading trust policy: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("trust policy %s is not a regular file (symlinks are not followed)", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading trust policy: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPolicySize+1))
	if err != nil {
		return nil, fmt.Errorf("reading trust policy %s: %w", path, err)
	}
	doc, err := ParsePolicy(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, nil
}

// ParsePolicy parses and validates a trust policy document with notation's
// rules: version 1.0, unique statement names, valid levels, scopes, trust
// stores and identities.
func ParsePolicy(data []byte) (*trustpolicy.Document, error) {
	if len(data) > MaxPolicySize {
		return nil, fmt.Errorf("trust policy of %d bytes is over the %d byte limit", len(data), MaxPolicySize)
	}
	var doc trustpolicy.Document
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("parsing trust policy: %w", err)
	}
	if err := doc.Validate(); err != nil {
		return nil, fmt.Errorf("invalid trust policy: %w", err)
	}
	return &doc, nil
}
