package version

import (
	"fmt"
	"strings"

	gem "github.com/aquasecurity/go-gem-version"
)

// compareRubyGems orders RubyGems versions as Gem::Version does.
func compareRubyGems(a, b string) (int, error) {
	va, err := gem.NewVersion(splitGemSegments(a))
	if err != nil {
		return 0, fmt.Errorf("parsing %q: %w", a, err)
	}
	vb, err := gem.NewVersion(splitGemSegments(b))
	if err != nil {
		return 0, fmt.Errorf("parsing %q: %w", b, err)
	}
	return va.Compare(vb), nil
}

// splitGemSegments puts a "." between a digit and a letter that touch:
// Gem::Version reads "1beta" as the segments 1 and "beta", exactly as
// "1.beta", but the library only accepts the latter.
func splitGemSegments(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && isDigit(s[i-1]) && isLetter(s[i]) {
			b.WriteByte('.')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
