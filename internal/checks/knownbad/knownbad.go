// Package knownbad holds the checks that recognise what is already known to
// be malicious: repositories reported as malicious on Docker Hub, files whose
// hashes match known miner and malware samples, and the EICAR test file.
package knownbad

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"

	"github.com/customs-oss/customs/internal/check"
)

// The lists are embedded gzip-compressed: they name miners and pool hosts,
// and customs' own executable must not carry those strings in the clear
// (see literals.Reversed). data/*.tsv are the sources; TestEmbeddedData
// keeps the .gz copies in step (go test -update rewrites them).

//go:embed data/known-malicious-images.tsv.gz
var imagesGz []byte

//go:embed data/hashes.tsv.gz
var hashesGz []byte

// maxEmbedded bounds an embedded list once decompressed.
const maxEmbedded = 4 << 20

// gunzip returns the decompressed content of an embedded list.
func gunzip(name string, gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("reading embedded %s: %w", name, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxEmbedded+1))
	if err != nil {
		return nil, fmt.Errorf("reading embedded %s: %w", name, err)
	}
	if len(b) > maxEmbedded {
		return nil, fmt.Errorf("embedded %s is larger than %d bytes", name, maxEmbedded)
	}
	return b, nil
}

// Checks returns the constructors of the knownbad checks.
func Checks() []check.Constructor {
	return []check.Constructor{
		image(),
		hash(),
		eicar(),
	}
}
