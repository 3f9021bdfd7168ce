package notation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/notaryproject/notation-go/dir"
	"github.com/notaryproject/notation-go/verifier/truststore"
)

// Limits on a trust store: certificate files are a few kilobytes, and a
// store holds a handful.
const (
	maxCertFile  = 1 << 20
	maxCertFiles = 1024
)

// openStore checks the trust store directory (notation's truststore/,
// holding x509/<type>/<name>/ with PEM or DER certificates) and returns
// it as notation-go reads it. Sizes are checked here, since notation-go
// reads whole files.
func openStore(root string) (truststore.X509TrustStore, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("notation trust store: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("notation trust store %s is not a directory", root)
	}
	n := 0
	err = filepath.WalkDir(filepath.Join(root, "x509"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if n++; n > maxCertFiles {
			return fmt.Errorf("more than %d files", maxCertFiles)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().IsRegular() && info.Size() > maxCertFile {
			return fmt.Errorf("%s is %d bytes, over the %d byte limit", p, info.Size(), maxCertFile)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("notation trust store %s has no x509 directory", root)
	}
	if err != nil {
		return nil, fmt.Errorf("notation trust store %s: %w", root, err)
	}
	return truststore.NewX509TrustStore(storeFS{FS: os.DirFS(root), root: root}), nil
}

// storeFS is a trust store directory seen as notation-go's configuration
// directory, where the store is the truststore/ subdirectory: the store
// may then live anywhere and be named anything.
type storeFS struct {
	fs.FS
	root string
}

// SysPath implements dir.SysFS.
func (s storeFS) SysPath(items ...string) (string, error) {
	p := strings.TrimPrefix(path.Join(items...), dir.TrustStoreDir+"/")
	return filepath.Join(s.root, filepath.FromSlash(p)), nil
}
