package notation

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/customs-oss/customs/internal/signature/notation/notationtest"
)

func TestLocate(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		want    string
		wantErr string
	}{
		{"legacy name", []string{"trustpolicy.json"}, "trustpolicy.json", ""},
		{"oci name first", []string{"trustpolicy.json", "trustpolicy.oci.json"}, "trustpolicy.oci.json", ""},
		{"no policy", []string{"config.json"}, "", "has no trustpolicy.oci.json or trustpolicy.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Locate(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			want := Config{PolicyFile: filepath.Join(dir, tt.want), StoreDir: filepath.Join(dir, "truststore")}
			if err != nil || got != want {
				t.Fatalf("Locate = %+v, %v; want %+v", got, err, want)
			}
		})
	}
	if _, err := Locate(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Locate of a missing directory succeeded")
	}
}

func TestParsePolicy(t *testing.T) {
	valid := string(notationtest.Policy(t, strict(repo)))
	tests := []struct {
		name    string
		data    string
		wantErr string
	}{
		{"valid", valid, ""},
		{"not json", "nope", "parsing trust policy"},
		{"other version", strings.Replace(valid, `"1.0"`, `"2.0"`, 1), `unsupported version "2.0"`},
		{"bad level", strings.Replace(valid, `"strict"`, `"lenient"`, 1), `invalid signature verification level "lenient"`},
		{"bad scope", strings.Replace(valid, repo, "not a scope", 1), "invalid trust policy"},
		{"too large", valid + strings.Repeat(" ", MaxPolicySize), "over the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePolicy([]byte(tt.data))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestReadPolicy(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "trustpolicy.json")
	if err := os.WriteFile(p, notationtest.Policy(t, strict(repo)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPolicy(p); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		link:                               "not a regular file",
		dir:                                "not a regular file",
		filepath.Join(dir, "missing.json"): "reading trust policy",
	} {
		if _, err := ReadPolicy(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadPolicy(%s) err = %v, want one containing %q", path, err, want)
		}
	}
}

func TestOpenStore(t *testing.T) {
	pki := notationtest.NewPKI(t, "team signer")
	doc, err := ParsePolicy(notationtest.Policy(t, strict(repo)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string
		wantErr string
	}{
		{"missing", func(t *testing.T, dir string) string { return filepath.Join(dir, "nope") }, "no such file"},
		{"a file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "store")
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, "is not a directory"},
		{"no x509", func(t *testing.T, dir string) string { return dir }, "has no x509 directory"},
		{"oversized certificate", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "x509", "ca", "team", "big.crt")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, make([]byte, maxCertFile+1), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "over the"},
		{"named anything", func(t *testing.T, dir string) string {
			notationtest.WriteConfig(t, dir, nil, map[string]*x509.Certificate{"team": pki.Root})
			return filepath.Join(dir, "truststore")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(doc, tt.setup(t, t.TempDir()))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
