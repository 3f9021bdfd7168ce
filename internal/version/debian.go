package version

import (
	"fmt"

	deb "github.com/knqyf263/go-deb-version"
)

// compareDebian orders dpkg versions ([epoch:]upstream[-revision]), as
// Debian and Ubuntu do.
func compareDebian(a, b string) (int, error) {
	va, err := deb.NewVersion(a)
	if err != nil {
		return 0, fmt.Errorf("parsing %q: %w", a, err)
	}
	vb, err := deb.NewVersion(b)
	if err != nil {
		return 0, fmt.Errorf("parsing %q: %w", b, err)
	}
	// The library returns the difference of the first differing bytes.
	return sign(va.Compare(vb)), nil
}
