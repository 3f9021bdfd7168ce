package version

import (
	pep440 "github.com/aquasecurity/go-pep440-version"
)

// comparePyPI orders Python package versions: PEP 440 versions as pip does,
// and versions PEP 440 cannot read the way packaging's LegacyVersion did
// (see legacyKey), all of them before any PEP 440 version. Every string has
// a place, as installed metadata may carry anything.
func comparePyPI(a, b string) (int, error) {
	va, errA := pep440.Parse(a)
	vb, errB := pep440.Parse(b)
	switch {
	case errA == nil && errB == nil:
		return va.Compare(vb), nil
	case errA == nil:
		return 1, nil
	case errB == nil:
		return -1, nil
	}
	return compareLegacy(legacyKey(a), legacyKey(b)), nil
}
