package config

import "strings"

// manager describes a package manager's install command line.
type manager struct {
	family string
	// install lists the subcommands that install packages; pacman's -S is
	// handled apart.
	install []string
	sx      syntax
}

// managers by program name.
var managers = map[string]manager{
	"apt-get":  {"apt", []string{"install"}, syntax{short: "oct", long: longSet("--option", "--config-file", "--target-release")}},
	"apt":      {"apt", []string{"install"}, syntax{short: "oct", long: longSet("--option", "--config-file", "--target-release")}},
	"aptitude": {"apt", []string{"install"}, syntax{short: "oct", long: longSet("--option", "--config-file", "--target-release")}},
	"apk":      {"apk", []string{"add"}, syntax{short: "Xtp", long: longSet("--repository", "--virtual", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file")}},
	"yum":      {"yum", []string{"install", "reinstall", "groupinstall"}, syntax{short: "cdexR", long: longSet("--installroot", "--releasever", "--exclude", "--config")}},
	"dnf":      {"yum", []string{"install", "reinstall", "groupinstall"}, syntax{short: "cdexR", long: longSet("--installroot", "--releasever", "--exclude", "--config")}},
	"microdnf": {"yum", []string{"install", "reinstall"}, syntax{long: longSet("--installroot", "--releasever", "--config")}},
	"tdnf":     {"yum", []string{"install", "reinstall"}, syntax{short: "c", long: longSet("--installroot", "--releasever", "--config")}},
	"zypper":   {"zypper", []string{"install", "in"}, syntax{short: "rRDC", long: longSet("--root", "--repo", "--from", "--config")}},
	"pacman":   {"pacman", nil, syntax{short: "brd", long: longSet("--root", "--dbpath", "--config", "--cachedir")}},
	"pip":      {"pip", []string{"install"}, syntax{short: "rcetif", long: longSet("--requirement", "--constraint", "--editable", "--target", "--index-url", "--extra-index-url", "--find-links", "--trusted-host", "--prefix", "--root", "--src", "--platform", "--python-version", "--implementation", "--abi", "--progress-bar", "--cache-dir")}},
}

// install is a parsed package installation.
type install struct {
	family   string
	packages []string
	cmdline
}

// asInstall parses prog when it installs packages. pip3, pip3.12 and
// "python3 -m pip" count as pip.
func asInstall(prog []string) (install, bool) {
	if len(prog) == 0 {
		return install{}, false
	}
	name := base(prog[0])
	if interpreterName.MatchString(name) && strings.HasPrefix(name, "python") && len(prog) > 2 && prog[1] == "-m" && strings.HasPrefix(prog[2], "pip") {
		name, prog = "pip", prog[2:]
	}
	if strings.HasPrefix(name, "pip") && strings.Trim(name[3:], "0123456789.") == "" {
		name = "pip"
	}
	m, ok := managers[name]
	if !ok {
		return install{}, false
	}
	c := parseArgs(prog[1:], m.sx)
	if name == "pacman" {
		for _, o := range c.opts {
			if o.name == "-S" || o.name == "--sync" {
				return install{family: m.family, packages: packageNames(c.operands), cmdline: c}, true
			}
		}
		return install{}, false
	}
	if len(c.operands) == 0 || !containsString(m.install, c.operands[0]) {
		return install{}, false
	}
	return install{family: m.family, packages: packageNames(c.operands[1:]), cmdline: c}, true
}

// installedPackages returns the package names prog installs.
func installedPackages(prog []string) []string {
	in, ok := asInstall(prog)
	if !ok {
		return nil
	}
	return in.packages
}

// packageNames strips versions and releases: "sudo=1.9.13", "sudo/bookworm",
// "requests>=2", "pkg[extra]".
func packageNames(specs []string) []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		if i := strings.IndexAny(s, "=<>~![/:"); i >= 0 {
			s = s[:i]
		}
		if s != "" {
			out = append(out, strings.ToLower(s))
		}
	}
	return out
}
