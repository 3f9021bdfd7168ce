package scan

import (
	"context"
	"testing"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/source"
)

func openForTest(t *testing.T, img v1.Image) (*source.Image, error) {
	t.Helper()
	src, err := source.Open(context.Background(), imagetest.Layout(t, img, ""), source.Options{})
	if err == nil {
		t.Cleanup(func() { src.Close() })
	}
	return src, err
}
