package vulns

import (
	"errors"
	"fmt"
	"strings"

	"github.com/customs-oss/customs/internal/facts"
)

// errNoOS is the reason OS packages are not matched when the image's
// release files name no system.
var errNoOS = errors.New("the base operating system is unknown")

// debEcosystem is the OSV ecosystem of dpkg packages: "Debian:12" (also for
// distroless images, which report debian) or "Ubuntu:22.04", with ":LTS"
// for long-term releases as OSV names them.
func debEcosystem(os facts.OS) (string, error) {
	switch os.ID {
	case "debian":
		major, _, _ := strings.Cut(os.VersionID, ".")
		if !digits(major) {
			return "", fmt.Errorf("Debian release %q has no version number (testing or unstable)", os.VersionID)
		}
		return "Debian:" + major, nil
	case "ubuntu":
		major, minor, ok := strings.Cut(os.VersionID, ".")
		if !ok || !digits(major) || !digits(minor) {
			return "", fmt.Errorf("Ubuntu release %q is not like 22.04", os.VersionID)
		}
		eco := "Ubuntu:" + os.VersionID
		if lts(major, minor) {
			eco += ":LTS"
		}
		return eco, nil
	case "":
		return "", errNoOS
	}
	return "", fmt.Errorf("no vulnerability database covers the dpkg packages of %q", os.ID)
}

// lts reports whether an Ubuntu release is a long-term one: the April
// release of even years (14.04, ..., 24.04).
func lts(major, minor string) bool {
	n := 0
	for _, c := range major {
		n = n*10 + int(c-'0')
	}
	return minor == "04" && n%2 == 0 && n >= 6
}

// apkEcosystem is "Alpine:v3.10" for Alpine 3.10.x.
func apkEcosystem(os facts.OS) (string, error) {
	switch os.ID {
	case "alpine":
		parts := strings.SplitN(os.VersionID, ".", 3)
		if len(parts) < 2 || !digits(parts[0]) || !digits(parts[1]) {
			return "", fmt.Errorf("Alpine release %q is not like 3.10.2", os.VersionID)
		}
		return "Alpine:v" + parts[0] + "." + parts[1], nil
	case "":
		return "", errNoOS
	}
	return "", fmt.Errorf("no vulnerability database covers the apk packages of %q", os.ID)
}

// rpmEcosystem is the OSV ecosystem of RPM distributions OSV publishes
// advisories for with binary package names: Rocky Linux, AlmaLinux and
// openSUSE. Red Hat's records are per product stream and CentOS, Fedora
// and Amazon Linux have none in OSV.
func rpmEcosystem(os facts.OS) (string, error) {
	major, _, _ := strings.Cut(os.VersionID, ".")
	switch os.ID {
	case "rocky", "almalinux":
		if !digits(major) {
			return "", fmt.Errorf("%s release %q has no version number", os.ID, os.VersionID)
		}
		if os.ID == "rocky" {
			return "Rocky Linux:" + major, nil
		}
		return "AlmaLinux:" + major, nil
	case "opensuse-leap":
		if os.VersionID == "" {
			return "", errors.New("openSUSE Leap release has no version number")
		}
		return "openSUSE:Leap " + os.VersionID, nil
	case "opensuse-tumbleweed":
		return "openSUSE:Tumbleweed", nil
	case "":
		return "", errNoOS
	}
	return "", fmt.Errorf("no vulnerability database customs reads covers the rpm packages of %q (OSV has Rocky Linux, AlmaLinux and openSUSE)", os.ID)
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
