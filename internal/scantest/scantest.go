// Package scantest runs the scanner on images built in tests, as the
// end-to-end tests of the check families do. Only tests import it.
package scantest

import (
	"context"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/imagetest"
	"github.com/customs-oss/customs/internal/report"
	"github.com/customs-oss/customs/internal/scan"
	"github.com/customs-oss/customs/internal/walk"
)

// Day is the inspection day of the tests, so that reports are reproducible.
var Day = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Inspect writes img to an OCI layout tagged tag, inspects it with checks
// and the default policy, and fails the test when a check did not run
// cleanly.
func Inspect(t testing.TB, img v1.Image, tag string, checks []check.Constructor) *report.Report {
	t.Helper()
	r, err := scan.Inspect(context.Background(), imagetest.Layout(t, img, tag), scan.Options{
		Checks:   checks,
		Walk:     walk.DefaultOptions(),
		Policy:   report.DefaultPolicy(),
		Now:      func() time.Time { return Day },
		CacheDir: t.TempDir(),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range r.Checks {
		if st.Status != report.StatusOK {
			t.Errorf("check %s: %s %s", st.ID, st.Status, st.Error)
		}
	}
	return r
}
