package files

import (
	"fmt"
	"path"
	"strings"

	"github.com/customs-oss/customs/internal/check"
	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

var hiddenDirInfo = check.Info{
	ID:       "files/hidden-dir",
	Version:  1,
	Title:    "Hidden directory in a system path",
	Severity: report.SeverityMedium,
	Item:     report.ItemLookInside,
	Description: "A directory whose name starts with a dot is left out of ls and most file browsers, " +
		"which makes it a place to hide tools in the directories nobody reviews: /tmp/.x, /usr/lib/.cache, " +
		"/dev/.udev. Directories at the root and under bin, sbin, usr, lib*, etc, var, tmp, dev, boot, opt, " +
		"srv, run, mnt and media are checked; /root and /home, where dot directories are normal, are not. " +
		"Known legitimate ones are not reported: .build-id (debug symbols of RPM distributions), .libs " +
		"(bundled libraries of Python wheels), /etc/.java, the X11 socket directories of /tmp, anything in " +
		"/etc/skel or inside a language package tree (node_modules, site-packages, dist-packages, gems, " +
		"vendor), and the dot directories of development tools, web roots and home directories (.github, " +
		".venv, .next, .well-known, .cache, .config, ...) except directly in an operating system directory. Version-control " +
		"Severity: medium directly in an operating system directory (/usr/lib/.x), at the root, and anywhere " +
		"in /tmp, /var/tmp and /dev; low deeper inside a tree of its own (/usr/lib/some-sdk/.x), where it is " +
		"usually the software's own. Version-control metadata (.git, .svn, .hg, .bzr) is reported anywhere " +
		"in the image, at low severity: it can hold the project's whole history. Each directory is reported " +
		"once, where it first appears.",
	Remediation: "Find out what put the directory there (the history step of its layer) and remove it; " +
		"add .git and other tool directories to .dockerignore.",
	References: []string{"https://attack.mitre.org/techniques/T1564/001/", "https://docs.docker.com/build/concepts/context/#dockerignore-files"},
}

var (
	vcsDirs = setOf(".git", ".svn", ".hg", ".bzr")
	// legitDotDirs are legitimate wherever they are.
	legitDotDirs = setOf(".build-id", ".libs", ".X11-unix", ".ICE-unix", ".font-unix", ".XIM-unix", ".Test-unix")
	// appDotDirs belong to development tools and home directories; they are
	// expected in application trees and home directories (even "/" when HOME
	// is unset), not directly in an operating system directory.
	appDotDirs = setOf(".github", ".gitlab", ".circleci", ".vscode", ".idea", ".devcontainer", ".husky",
		".next", ".nuxt", ".svelte-kit", ".turbo", ".output", ".venv", ".tox", ".pytest_cache", ".mypy_cache",
		".ruff_cache", ".yarn", ".cache", ".config", ".local", ".npm", ".pnpm-store", ".node-gyp", ".m2",
		".gradle", ".cargo", ".rustup", ".composer", ".bundle", ".gem", ".gnupg", ".pki", ".conda", ".ipython",
		".jupyter", ".keras", ".nv", ".well-known", ".mvn", ".angular", ".parcel-cache", ".sass-cache", ".docusaurus",
		".expo", ".vercel", ".serverless", ".terraform", ".dart_tool", ".pub-cache", ".nyc_output", ".storybook",
		".changeset", ".hypothesis", ".ipynb_checkpoints", ".pnpm")
	// packageTrees hold third-party packages, whose content is the package's.
	packageTrees = setOf("node_modules", "site-packages", "dist-packages", "gems", "vendor")
	// systemTops are the top-level directories of the operating system.
	systemTops = setOf("bin", "sbin", "usr", "lib", "lib32", "lib64", "libx32", "etc", "var", "tmp", "dev",
		"boot", "opt", "srv", "run", "mnt", "media")
	// osDirs are the directories where even a tool's dot directory is out of place.
	osDirs = setOf(".", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "usr/bin", "usr/sbin",
		"usr/lib", "usr/lib32", "usr/lib64", "usr/libexec", "usr/local", "usr/local/bin", "usr/local/sbin",
		"usr/local/lib", "usr/share", "etc", "var", "var/lib", "var/cache", "var/log", "var/tmp", "tmp",
		"dev", "dev/shm", "boot", "run", "opt", "srv", "mnt", "media")
)

// dotVerdict is what the check makes of one dot directory.
type dotVerdict uint8

const (
	dotAllowed      dotVerdict = iota
	dotHidden                  // directly in an operating system directory, or in a temporary one
	dotHiddenInTree            // deeper, inside a tree of its own (/usr/lib/some-sdk/.x)
	dotVCS
)

// classifyDotDir decides about the directory d, whose last element starts
// with a dot.
func classifyDotDir(d string) dotVerdict {
	name, parent := path.Base(d), path.Dir(d)
	if vcsDirs[name] {
		return dotVCS
	}
	if legitDotDirs[name] || under(d, "etc/.java") || under(d, "etc/skel") {
		return dotAllowed
	}
	for _, part := range strings.Split(parent, "/") {
		if packageTrees[part] {
			return dotAllowed
		}
	}
	top, _, _ := strings.Cut(d, "/")
	if parent != "." && !systemTops[top] {
		return dotAllowed // /root, /home, /app and other application trees
	}
	if appDotDirs[name] && (parent == "." || !osDirs[parent]) {
		return dotAllowed
	}
	// A dot directory inside .build-id or .libs is no software's own.
	if osDirs[parent] || legitDotDirs[path.Base(parent)] || top == "tmp" || top == "dev" || under(parent, "var/tmp") {
		return dotHidden
	}
	return dotHiddenInTree
}

// hiddenDirCheck remembers the directories it has decided about, so that
// each is reported once and not for every file beneath it.
type hiddenDirCheck struct {
	seen map[string]dotVerdict
}

func hiddenDir() check.Constructor {
	return func() check.Check { return &hiddenDirCheck{seen: map[string]dotVerdict{}} }
}

func (c *hiddenDirCheck) Info() check.Info { return hiddenDirInfo }

func (c *hiddenDirCheck) CheckFile(layer *facts.Layer, e *facts.Entry, hiddenBy int) []report.Finding {
	// Look at every dot directory on the path, outermost first: an allowed
	// one (.build-id) must not shelter a hidden one planted inside it.
	for rest, off := e.Path, 0; ; {
		d, ok := dotDir(rest, e.Type == facts.TypeDir)
		if !ok {
			return nil
		}
		full := e.Path[:off+len(d)]
		v, seen := c.seen[full]
		if !seen {
			v = classifyDotDir(full)
			c.seen[full] = v
		}
		if v != dotAllowed {
			if seen {
				return nil
			}
			return []report.Finding{c.finding(layer, e, full, v, hiddenBy)}
		}
		if len(d) == len(rest) {
			return nil
		}
		off += len(d) + 1
		rest = rest[len(d)+1:]
	}
}

func (c *hiddenDirCheck) finding(layer *facts.Layer, e *facts.Entry, d string, v dotVerdict, hiddenBy int) report.Finding {
	by := -1
	note := ""
	if e.Path == d {
		// The directory's own entry: hiddenBy is about the directory.
		by, note = hiddenBy, hiddenNote(layer, hiddenBy)
	}
	ev := layerEvidence(layer, d, by)
	if v == dotVCS {
		f := hiddenDirInfo.New(fmt.Sprintf("version-control metadata %s ships in the image: it can hold the project's whole history, "+
			"including files and secrets removed from the current tree%s", shown(d), note), ev)
		f.Severity = report.SeverityLow
		return f
	}
	if v == dotHiddenInTree {
		f := hiddenDirInfo.New(fmt.Sprintf("hidden directory %s inside %s: usually the software's own, but a place to hide tools%s",
			shown(d), shown(path.Dir(d)), note), ev)
		f.Severity = report.SeverityLow
		return f
	}
	return hiddenDirInfo.New(fmt.Sprintf("hidden directory %s: a dot directory in a system path is a place to hide tools%s", shown(d), note), ev)
}
