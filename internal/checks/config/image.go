package config

import (
	"errors"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/facts"
)

// errNoConfig is returned by checks that need the image config when the
// image has none, so that the report shows they could not run.
var errNoConfig = errors.New("the image has no config")

// runConfig returns the run configuration of img.
func runConfig(img *facts.Image) (v1.Config, error) {
	if img.Config == nil {
		return v1.Config{}, errNoConfig
	}
	return img.Config.Config, nil
}
