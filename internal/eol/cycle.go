package eol

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

var (
	majorPattern      = regexp.MustCompile(`^([0-9]+)(\.[0-9]+)*$`)
	majorMinorPattern = regexp.MustCompile(`^([0-9]+\.[0-9]+)(\.[0-9]+)*$`)
	amazonAMIPattern  = regexp.MustCompile(`^20[0-9]{2}\.[0-9]{2}$`)
)

// cycleOf maps an OS to its product and release cycle in the table: the
// major version for most, major.minor where that is the release (Alpine
// branches, Ubuntu, openSUSE Leap). Pre-releases and rolling releases map to
// nothing.
func cycleOf(os facts.OS) (string, string) {
	v := os.VersionID
	major := func() string {
		if m := majorPattern.FindStringSubmatch(v); m != nil {
			return m[1]
		}
		return ""
	}
	majorMinor := func() string {
		if m := majorMinorPattern.FindStringSubmatch(v); m != nil {
			return m[1]
		}
		return ""
	}
	switch os.ID {
	case "alpine", "ubuntu", "opensuse-leap":
		return os.ID, majorMinor()
	case "debian", "rhel", "rocky", "almalinux", "ol", "fedora":
		return os.ID, major()
	case "centos":
		m := major()
		// CentOS Linux ended with 8; 8 also exists as CentOS Stream, which
		// only the name tells apart.
		if n, err := strconv.Atoi(m); strings.Contains(strings.ToLower(os.PrettyName), "stream") || (err == nil && n >= 9) {
			return "centos-stream", m
		}
		return "centos", m
	case "amzn":
		if amazonAMIPattern.MatchString(v) {
			// The first Amazon Linux numbered its releases by date; they
			// share one end of life.
			return "amzn", "1"
		}
		return "amzn", major()
	}
	return "", ""
}
