package config

import "strings"

// packageCacheDirs says where each package manager family keeps its cache,
// in layer paths ("*/" matches any home directory), and how it is cleaned.
type packageCacheDirs struct {
	dirs    []string
	what    string
	cleanup string
}

var caches = map[string]packageCacheDirs{
	"apt":    {[]string{"var/lib/apt/lists/", "var/cache/apt/archives/"}, "apt package lists", "rm -rf /var/lib/apt/lists/*"},
	"apk":    {[]string{"var/cache/apk/"}, "the apk cache", "--no-cache or rm -rf /var/cache/apk/*"},
	"yum":    {[]string{"var/cache/yum/", "var/cache/dnf/", "var/cache/tdnf/"}, "the yum/dnf cache", "yum clean all or dnf clean all"},
	"zypper": {[]string{"var/cache/zypp/"}, "the zypper cache", "zypper clean --all"},
	"pacman": {[]string{"var/cache/pacman/pkg/"}, "the pacman cache", "pacman -Scc"},
	"pip":    {[]string{"root/.cache/pip/", "*/.cache/pip/"}, "the pip cache", "pip install --no-cache-dir"},
}

// cacheUse is a package manager family a script installs with, and whether
// the script cleans its cache.
type cacheUse struct {
	family, tool, text string
	cleaned            bool
}

// cacheUses lists the families a script installs with, first use first.
func cacheUses(sc script, pipNoCache bool) []cacheUse {
	var out []cacheUse
	index := map[string]int{}
	var removed []string
	cleaned := map[string]bool{"pip": pipNoCache}
	sc.eachCommand(func(c command, _ pipeline, _ int) {
		args := c.args()
		for _, a := range args {
			if strings.HasPrefix(a, "PIP_NO_CACHE_DIR=") {
				cleaned["pip"] = true
			}
		}
		prog := program(args)
		if len(prog) == 0 {
			return
		}
		if in, ok := asInstall(prog); ok {
			if _, seen := index[in.family]; !seen {
				index[in.family] = len(out)
				tool := base(prog[0])
				if strings.HasPrefix(tool, "python") {
					tool += " -m pip"
				}
				out = append(out, cacheUse{family: in.family, tool: tool, text: commandText(c)})
			}
			if in.has("--no-cache") && in.family == "apk" || in.has("--no-cache-dir") && in.family == "pip" {
				cleaned[in.family] = true
			}
			return
		}
		if f, ok := cleansCache(prog); ok {
			cleaned[f] = true
		}
		if base(prog[0]) == "rm" {
			removed = append(removed, operands(prog[1:])...)
		}
	})
	for i := range out {
		out[i].cleaned = cleaned[out[i].family] || removesDir(removed, caches[out[i].family].dirs[0]) ||
			out[i].family == "pip" && removesDir(removed, caches["pip"].dirs[1])
	}
	return out
}

// cleansCache recognises the package managers' own clean commands.
func cleansCache(prog []string) (string, bool) {
	name := base(prog[0])
	rest := strings.Join(prog[1:], " ")
	switch {
	case (name == "yum" || name == "dnf" || name == "microdnf" || name == "tdnf") && strings.HasPrefix(rest, "clean"):
		return "yum", true
	case name == "zypper" && (strings.HasPrefix(rest, "clean") || strings.HasPrefix(rest, "cc")):
		return "zypper", true
	case name == "pacman" && strings.HasPrefix(rest, "-Sc"):
		return "pacman", true
	case strings.HasPrefix(name, "pip") && strings.HasPrefix(rest, "cache purge"):
		return "pip", true
	case name == "apk" && strings.HasPrefix(rest, "cache clean"):
		return "apk", true
	}
	return "", false
}

// removesDir reports whether rm operands cover dir or a directory above it.
func removesDir(removed []string, dir string) bool {
	dir = strings.TrimSuffix(dir, "/")
	for _, r := range removed {
		r = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(r, "/"), "*"), "/")
		switch {
		case r == "":
		case strings.HasPrefix(dir, "*/"):
			if strings.HasSuffix(r, dir[1:]) || strings.HasSuffix(r, "/.cache") || r == ".cache" {
				return true
			}
		case dir == r || strings.HasPrefix(dir, r+"/"):
			return true
		}
	}
	return false
}
