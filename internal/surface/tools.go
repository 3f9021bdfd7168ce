package surface

import "strings"

// tools maps each tool customs looks for to its kind.
var tools = map[string]string{
	"sh": KindShell, "bash": KindShell, "dash": KindShell, "zsh": KindShell, "ash": KindShell,
	"ksh": KindShell, "mksh": KindShell, "csh": KindShell, "tcsh": KindShell, "fish": KindShell,
	"busybox": KindShell,

	"apt": KindPackageManager, "apt-get": KindPackageManager, "dpkg": KindPackageManager,
	"apk": KindPackageManager, "yum": KindPackageManager, "dnf": KindPackageManager,
	"microdnf": KindPackageManager, "tdnf": KindPackageManager, "rpm": KindPackageManager,
	"zypper": KindPackageManager, "pacman": KindPackageManager, "pip": KindPackageManager,
	"npm": KindPackageManager, "yarn": KindPackageManager, "pnpm": KindPackageManager,
	"gem": KindPackageManager,

	"gcc": KindCompiler, "cc": KindCompiler, "g++": KindCompiler, "c++": KindCompiler,
	"clang": KindCompiler, "clang++": KindCompiler, "tcc": KindCompiler, "make": KindCompiler,
	"cmake": KindCompiler, "go": KindCompiler, "rustc": KindCompiler, "cargo": KindCompiler,
	"javac": KindCompiler,

	"python": KindInterpreter, "pypy": KindInterpreter, "perl": KindInterpreter,
	"ruby": KindInterpreter, "node": KindInterpreter, "deno": KindInterpreter,
	"bun": KindInterpreter, "php": KindInterpreter, "java": KindInterpreter,
	"lua": KindInterpreter,

	"curl": KindNetworkTool, "wget": KindNetworkTool, "nc": KindNetworkTool,
	"ncat": KindNetworkTool, "netcat": KindNetworkTool, "socat": KindNetworkTool,
	"ssh": KindNetworkTool, "scp": KindNetworkTool, "sshd": KindNetworkTool,
	"telnet": KindNetworkTool, "ftp": KindNetworkTool, "tftp": KindNetworkTool,
	"nmap": KindNetworkTool,
}

// aliases are other names of the same tool.
var aliases = map[string]string{
	"nodejs":         "node",
	"nc.openbsd":     "nc",
	"nc.traditional": "nc",
}

// versioned are the tools installed under names carrying their version
// (python3, python3.12, pip3, perl5.36.0, php8.2, gcc-12, clang-18).
var versioned = map[string]bool{
	"python": true, "pypy": true, "pip": true, "perl": true, "ruby": true, "php": true,
	"lua": true, "gcc": true, "g++": true, "clang": true, "clang++": true,
}

// lookup returns the tool a file name stands for and its kind.
func lookup(name string) (string, string, bool) {
	if a, ok := aliases[name]; ok {
		name = a
	}
	if k, ok := tools[name]; ok {
		return name, k, true
	}
	base := strings.TrimSuffix(strings.TrimRight(name, "0123456789."), "-")
	if base == name || !versioned[base] || !startsWithDigit(name[len(base):]) {
		return "", "", false
	}
	return base, tools[base], true
}

// startsWithDigit reports whether a version suffix ("3.12", "-12") starts
// with a digit once its separator is dropped.
func startsWithDigit(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// binDirs are the directories on the default PATH of container images.
var binDirs = map[string]bool{
	"bin/": true, "sbin/": true, "usr/bin/": true, "usr/sbin/": true,
	"usr/local/bin/": true, "usr/local/sbin/": true,
}

// binDir reports whether dir (with its trailing slash) holds commands: one
// of binDirs, or the bin directory of a toolchain installed under usr/local
// or opt, which official images put on PATH (usr/local/go/bin,
// usr/local/cargo/bin, opt/java/openjdk/bin).
func binDir(dir string) bool {
	if binDirs[dir] {
		return true
	}
	if !strings.HasSuffix(dir, "/bin/") {
		return false
	}
	parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	switch {
	case len(parts) == 4 && parts[0] == "usr" && parts[1] == "local":
		return true
	case parts[0] == "opt" && (len(parts) == 3 || len(parts) == 4):
		return true
	}
	return false
}
