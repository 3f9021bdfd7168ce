package cleanimage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// fileLayer is an uncompressed layer read from a tar file on disk. Keeping
// the layer uncompressed spares the suite compressing hundreds of
// megabytes on every run; customs reads either form.
type fileLayer struct {
	path   string
	digest v1.Hash
	size   int64
}

// FileLayer returns the tar file at path as an uncompressed OCI layer
// (application/vnd.oci.image.layer.v1.tar), whose digest and diffID are
// both the file's sha256.
func FileLayer(path string) (v1.Layer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("layer from %q: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, fmt.Errorf("layer from %q: %w", path, err)
	}
	return &fileLayer{path: path, size: n, digest: v1.Hash{Algorithm: "sha256", Hex: hex.EncodeToString(h.Sum(nil))}}, nil
}

// Digest returns the sha256 of the tar file.
func (l *fileLayer) Digest() (v1.Hash, error) { return l.digest, nil }

// DiffID is the digest: the layer is stored uncompressed.
func (l *fileLayer) DiffID() (v1.Hash, error) { return l.digest, nil }

// Compressed opens the stored blob, which is the tar itself.
func (l *fileLayer) Compressed() (io.ReadCloser, error) { return os.Open(l.path) }

// Uncompressed opens the tar.
func (l *fileLayer) Uncompressed() (io.ReadCloser, error) { return os.Open(l.path) }

// Size is the size of the tar file.
func (l *fileLayer) Size() (int64, error) { return l.size, nil }

// MediaType is the OCI uncompressed layer type.
func (l *fileLayer) MediaType() (types.MediaType, error) { return types.OCIUncompressedLayer, nil }
