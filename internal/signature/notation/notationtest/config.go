package notationtest

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
)

// Statement is one trust policy statement trusting the CA trust store
// named Store for the given registry scopes, at level ("strict", "skip").
type Statement struct {
	Name   string
	Level  string
	Store  string
	Scopes []string
}

// Policy writes a trust policy document of the statements.
func Policy(t testing.TB, statements ...Statement) []byte {
	t.Helper()
	type verification struct {
		Level string `json:"level"`
	}
	type statement struct {
		Name                  string       `json:"name"`
		RegistryScopes        []string     `json:"registryScopes"`
		SignatureVerification verification `json:"signatureVerification"`
		TrustStores           []string     `json:"trustStores"`
		TrustedIdentities     []string     `json:"trustedIdentities"`
	}
	doc := struct {
		Version       string      `json:"version"`
		TrustPolicies []statement `json:"trustPolicies"`
	}{Version: "1.0"}
	for _, s := range statements {
		st := statement{Name: s.Name, RegistryScopes: s.Scopes, SignatureVerification: verification{s.Level}}
		if s.Level != "skip" {
			st.TrustStores = []string{"ca:" + s.Store}
			st.TrustedIdentities = []string{"*"}
		}
		doc.TrustPolicies = append(doc.TrustPolicies, st)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// WriteConfig lays out dir as a notation configuration directory:
// policy as trustpolicy.json and each root in truststore/x509/ca/<name>/.
func WriteConfig(t testing.TB, dir string, policy []byte, roots map[string]*x509.Certificate) {
	t.Helper()
	write(t, filepath.Join(dir, "trustpolicy.json"), policy)
	for name, c := range roots {
		pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
		write(t, filepath.Join(dir, "truststore", "x509", "ca", name, "root.crt"), pemBytes)
	}
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
