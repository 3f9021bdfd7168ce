package version

import (
	"slices"
	"strings"
)

// Maven's order is not transitive, and no order can be while agreeing with
// Maven on published versions: Maven sorts one project's releases as
// 1.0.0 < 1.0.0-gradle-rework-beta3 < 1.0.0.RC7-3 while ranking
// 2.0.0.CR1 < 2.0.0 (and likewise 1-snapshot < 1 < 1.a < 1-snapshot).
// customs follows Maven, as the advisories were written against it.

// compareMavenTokens orders two trimmed token lists, padding the shorter.
func compareMavenTokens(a, b []mavenToken) int {
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y mavenToken
		switch {
		case i >= len(a):
			x, y = mavenNull(b[i]), b[i]
		case i >= len(b):
			x, y = a[i], mavenNull(a[i])
		default:
			x, y = a[i], b[i]
		}
		if x.sep == y.sep && x.value == y.value && x.number == y.number {
			continue
		}
		switch {
		case mavenLess(x, y):
			return -1
		case mavenLess(y, x):
			return 1
		}
	}
	return 0
}

// mavenNull is the padding matched against t: 0 after '.', the release
// after '-'; and the release after '.' against "sp", the one qualifier that
// sorts after it.
func mavenNull(t mavenToken) mavenToken {
	if t.sep == '.' && t.value != "sp" {
		return mavenToken{sep: '.', number: true, value: "0", null: true}
	}
	return mavenToken{sep: t.sep, null: true}
}

// mavenLess orders two tokens. With the same separator, numbers compare by
// value and beat qualifiers (except padding), and qualifiers follow
// mavenQualifiers, unknown ones alphabetically after the known. Otherwise
// ".qualifier" < "-qualifier" < "-number" < ".number".
func mavenLess(x, y mavenToken) bool {
	if x.sep != y.sep {
		return mavenKind(x) < mavenKind(y)
	}
	if x.number && y.number {
		return compareDigits(x.value, y.value) < 0
	}
	if x.number && !x.null {
		return false
	}
	if y.number && !y.null {
		return true
	}
	ix, iy := mavenQualifierRank(x), mavenQualifierRank(y)
	if ix == len(mavenQualifiers) && iy == ix {
		return strings.Compare(x.value, y.value) < 0
	}
	return ix < iy
}

// mavenKind ranks a token by separator and kind when separators differ.
func mavenKind(t mavenToken) int {
	switch {
	case t.sep == '.' && !t.number:
		return 0
	case !t.number:
		return 1
	case t.sep == '-':
		return 2
	}
	return 3
}

// mavenQualifierRank is the place of t's qualifier in mavenQualifiers, or
// after them; padding ranks as the release.
func mavenQualifierRank(t mavenToken) int {
	q := t.value
	if t.null {
		q = ""
	}
	if i := slices.Index(mavenQualifiers, q); i >= 0 {
		return i
	}
	return len(mavenQualifiers)
}
