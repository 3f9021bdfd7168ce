package scantest

import (
	"context"
	"testing"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

// RunImage runs the image check ctor makes on img and returns its findings,
// failing the test when ctor is not an image check or the check fails.
func RunImage(t testing.TB, ctor check.Constructor, img *facts.Image) []report.Finding {
	t.Helper()
	c, ok := ctor().(check.ImageChecker)
	if !ok {
		t.Fatal("not an image checker")
	}
	fs, err := c.CheckImage(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
