package npm

import "strings"

// installed reports whether p is the package.json at the root of an
// installed package: node_modules/<name>/package.json or
// node_modules/@<scope>/<name>/package.json, at any depth. The package.json
// files a package keeps in its own subdirectories are not packages.
func installed(p string) bool {
	dir, ok := strings.CutSuffix(p, "/package.json")
	if !ok {
		return false
	}
	parent, name := split(dir)
	if name == "" || name[0] == '.' || name[0] == '@' {
		return false
	}
	if up, scope := split(parent); strings.HasPrefix(scope, "@") {
		parent = up
	}
	return parent == "node_modules" || strings.HasSuffix(parent, "/node_modules")
}

// lockFile returns the kind of lock file p is, or "" when it is none or
// lies inside node_modules: npm's hidden node_modules/.package-lock.json
// repeats the installed tree, and a dependency's own lock file says nothing
// about what is installed.
func lockFile(p string) string {
	_, base := split(p)
	switch base {
	case "package-lock.json", "npm-shrinkwrap.json", "yarn.lock":
	default:
		return ""
	}
	if strings.HasPrefix(p, "node_modules/") || strings.Contains(p, "/node_modules/") {
		return ""
	}
	return base
}

// split cuts p at its last slash, without allocating.
func split(p string) (dir, base string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
