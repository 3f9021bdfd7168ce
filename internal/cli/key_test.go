package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyUsage checks that a --key the command cannot use is a usage error
// (exit 2) reported before the image is read.
func TestKeyUsage(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.pub")
	if err := os.WriteFile(junk, []byte("not a key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key, want string
	}{
		{filepath.Join(dir, "missing.pub"), "--key: opening public key"},
		{junk, "--key: " + junk + ": reading public key"},
	}
	for _, tt := range tests {
		code, _, errOut := runCustoms(t, "inspect", "--offline", "--key", tt.key, "oci:"+filepath.Join(dir, "no-layout"))
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("--key %s: exit %d %q, want exit %d containing %q", tt.key, code, errOut, ExitUsage, tt.want)
		}
	}
}
