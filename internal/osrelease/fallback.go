package osrelease

import (
	"regexp"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// A fallback reads one of the release files older or minimal images carry
// instead of os-release.
type fallback struct {
	path  string
	parse func([]byte) (facts.OS, bool)
}

// fallbacks are tried in order when no os-release names the OS. Oracle's and
// CentOS's own files come before redhat-release, which Oracle Linux 6 fills
// with Red Hat's name; lsb-release comes before debian_version, which Ubuntu
// also ships (with the Debian codename it forked from).
var fallbacks = []fallback{
	{"etc/alpine-release", fromAlpineRelease},
	{"etc/oracle-release", fromRedHatRelease},
	{"etc/centos-release", fromRedHatRelease},
	{"etc/redhat-release", fromRedHatRelease},
	{"etc/system-release", fromRedHatRelease},
	{"etc/lsb-release", fromLSBRelease},
	{"etc/debian_version", fromDebianVersion},
}

// firstLine returns the first line of a small text file, cleaned.
func firstLine(b []byte) string {
	if len(b) > MaxSize {
		b = b[:MaxSize]
	}
	s, _, _ := strings.Cut(string(b), "\n")
	return clean(s, maxNameLen)
}

var (
	versionPattern   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*([_~+-][0-9a-z._~+-]*)?$`)
	numericPattern   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)
	codenamePattern  = regexp.MustCompile(`^[a-z]+(/sid)?$`)
	redHatPattern    = regexp.MustCompile(`^(.+?)\s+release\s+([0-9]+(?:\.[0-9]+)*)`)
	majorVersionPart = regexp.MustCompile(`^[0-9]+`)
	branchPattern    = regexp.MustCompile(`^[0-9]+\.[0-9]+`)
)

// fromAlpineRelease reads etc/alpine-release: "3.22.2".
func fromAlpineRelease(b []byte) (facts.OS, bool) {
	v := firstLine(b)
	if len(v) > maxIDLen || !versionPattern.MatchString(v) {
		return facts.OS{}, false
	}
	pretty := "Alpine Linux v" + v
	if branch := branchPattern.FindString(v); branch != "" {
		pretty = "Alpine Linux v" + branch
	}
	return facts.OS{ID: "alpine", VersionID: v, PrettyName: pretty, Family: "alpine"}, true
}

// fromDebianVersion reads etc/debian_version: "9.13" on a release, a
// codename such as "bookworm/sid" on testing and unstable, which have no
// version number yet.
func fromDebianVersion(b []byte) (facts.OS, bool) {
	v := firstLine(b)
	if len(v) > maxIDLen {
		return facts.OS{}, false
	}
	o := facts.OS{ID: "debian", Family: "debian", PrettyName: "Debian GNU/Linux " + v}
	switch {
	case numericPattern.MatchString(v):
		o.VersionID = majorVersionPart.FindString(v)
	case codenamePattern.MatchString(v):
	default:
		return facts.OS{}, false
	}
	return o, true
}

// redHatNames maps the product names written in redhat-release style files
// to os-release IDs, longest prefix first.
var redHatNames = []struct{ prefix, id string }{
	{"centos stream", "centos"},
	{"centos", "centos"},
	{"red hat enterprise linux", "rhel"},
	{"rocky linux", "rocky"},
	{"almalinux", "almalinux"},
	{"oracle linux", "ol"},
	{"fedora", "fedora"},
	{"amazon linux", "amzn"},
	{"scientific linux", "scientific"},
	{"cloudlinux", "cloudlinux"},
}

// fromRedHatRelease reads the one-line files of the Red Hat family:
// "CentOS Linux release 7.9.2009 (Core)", "Red Hat Enterprise Linux Server
// release 6.10 (Santiago)", "Amazon Linux AMI release 2018.03".
func fromRedHatRelease(b []byte) (facts.OS, bool) {
	line := firstLine(b)
	m := redHatPattern.FindStringSubmatch(line)
	if m == nil {
		return facts.OS{}, false
	}
	name := strings.ToLower(m[1])
	for _, n := range redHatNames {
		if !strings.HasPrefix(name, n.prefix) {
			continue
		}
		v := m[2]
		if n.id == "centos" {
			// CentOS's os-release gives the major version only; its
			// release file adds the minor and the build date.
			v = majorVersionPart.FindString(v)
		}
		if len(v) > maxIDLen {
			return facts.OS{}, false
		}
		return facts.OS{ID: n.id, VersionID: v, PrettyName: cleanName(line), Family: family(n.id, "")}, true
	}
	return facts.OS{}, false
}

// fromLSBRelease reads etc/lsb-release, the KEY=value file of the Linux
// Standard Base that Ubuntu and a few others ship.
func fromLSBRelease(b []byte) (facts.OS, bool) {
	m, _ := Parse(b)
	id := cleanID(m["DISTRIB_ID"])
	if id == "" {
		return facts.OS{}, false
	}
	o := facts.OS{
		ID:         id,
		VersionID:  clean(m["DISTRIB_RELEASE"], maxIDLen),
		PrettyName: cleanName(m["DISTRIB_DESCRIPTION"]),
		Family:     family(id, ""),
	}
	if o.PrettyName == "" {
		o.PrettyName = cleanName(m["DISTRIB_ID"] + " " + o.VersionID)
	}
	return o, true
}
