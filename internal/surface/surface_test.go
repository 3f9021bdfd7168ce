package surface

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
	"github.com/customs-oss/customs/internal/report"
)

func c(kind, name, path string) report.Component {
	return report.Component{Kind: kind, Name: name, Path: path}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name   string
		layers [][]entry
		want   []report.Component
	}{
		{
			name: "debian with build tools",
			layers: [][]entry{{
				exe("bin/bash"), exe("bin/dash"), symlink("bin/sh", "dash"),
				exe("usr/bin/apt"), exe("usr/bin/apt-get"), exe("usr/bin/dpkg"),
				exe("usr/bin/perl"), hardlink("usr/bin/perl5.36.0", "usr/bin/perl"),
				symlink("usr/bin/python3", "python3.11"), exe("usr/bin/python3.11"), exe("usr/bin/pip3"),
				symlink("usr/bin/gcc", "gcc-12"), exe("usr/bin/gcc-12"), exe("usr/bin/x86_64-linux-gnu-gcc-12"),
				exe("usr/bin/make"), exe("usr/bin/curl"),
				symlink("bin/nc", "/etc/alternatives/nc"), symlink("etc/alternatives/nc", "/bin/nc.openbsd"), exe("bin/nc.openbsd"),
			}},
			want: []report.Component{
				c(KindShell, "bash", "/bin/bash"), c(KindShell, "dash", "/bin/dash"), c(KindShell, "sh", "/bin/sh"),
				c(KindPackageManager, "apt", "/usr/bin/apt"), c(KindPackageManager, "apt-get", "/usr/bin/apt-get"),
				c(KindPackageManager, "dpkg", "/usr/bin/dpkg"), c(KindPackageManager, "pip", "/usr/bin/pip3"),
				c(KindCompiler, "gcc", "/usr/bin/gcc"), c(KindCompiler, "make", "/usr/bin/make"),
				c(KindInterpreter, "perl", "/usr/bin/perl"), c(KindInterpreter, "python", "/usr/bin/python3"),
				c(KindNetworkTool, "curl", "/usr/bin/curl"), c(KindNetworkTool, "nc", "/bin/nc"),
			},
		},
		{
			name: "alpine: busybox once, with its shells",
			layers: [][]entry{{
				exe("bin/busybox"), symlink("bin/sh", "/bin/busybox"), symlink("bin/ash", "/bin/busybox"),
				symlink("usr/bin/wget", "/bin/busybox"), symlink("usr/bin/nc", "/bin/busybox"), symlink("bin/ping", "/bin/busybox"),
				exe("sbin/apk"),
			}},
			want: []report.Component{
				c(KindShell, "ash", "/bin/ash"), c(KindShell, "busybox", "/bin/busybox"), c(KindShell, "sh", "/bin/sh"),
				c(KindPackageManager, "apk", "/sbin/apk"),
			},
		},
		{
			name: "alpine with a real curl and wget",
			layers: [][]entry{
				{exe("bin/busybox"), symlink("bin/sh", "/bin/busybox"), symlink("usr/bin/wget", "/bin/busybox")},
				{exe("usr/bin/curl"), exe("usr/bin/wget")},
			},
			want: []report.Component{
				c(KindShell, "busybox", "/bin/busybox"), c(KindShell, "sh", "/bin/sh"),
				c(KindNetworkTool, "curl", "/usr/bin/curl"), c(KindNetworkTool, "wget", "/usr/bin/wget"),
			},
		},
		{
			name: "busybox image made of hard links",
			layers: [][]entry{{
				dir("bin"), exe("bin/["), hardlink("bin/[[", "bin/["), hardlink("bin/busybox", "bin/["),
				hardlink("bin/sh", "bin/["), hardlink("bin/wget", "bin/["), hardlink("bin/nc", "bin/["),
			}},
			want: []report.Component{c(KindShell, "busybox", "/bin/busybox"), c(KindShell, "sh", "/bin/sh")},
		},
		{
			name: "merged usr lists each tool once",
			layers: [][]entry{{
				symlink("bin", "usr/bin"), symlink("sbin", "usr/sbin"), exe("usr/bin/bash"), symlink("usr/bin/sh", "bash"),
				exe("usr/bin/microdnf"), exe("usr/bin/rpm"),
			}},
			want: []report.Component{
				c(KindShell, "bash", "/usr/bin/bash"), c(KindShell, "sh", "/usr/bin/sh"),
				c(KindPackageManager, "microdnf", "/usr/bin/microdnf"), c(KindPackageManager, "rpm", "/usr/bin/rpm"),
			},
		},
		{
			name: "toolchains of official images",
			layers: [][]entry{{
				exe("usr/local/go/bin/go"), exe("usr/local/go/bin/gofmt"),
				exe("opt/java/openjdk/bin/java"), exe("opt/java/openjdk/bin/javac"),
				exe("usr/local/cargo/bin/cargo"), exe("usr/local/cargo/bin/rustc"),
				exe("usr/local/bin/node"), symlink("usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"),
				exe("usr/local/lib/node_modules/npm/bin/npm-cli.js"),
				exe("usr/local/bin/python3.12"), symlink("usr/local/bin/python", "python3.12"),
			}},
			want: []report.Component{
				c(KindPackageManager, "npm", "/usr/local/bin/npm"),
				c(KindCompiler, "cargo", "/usr/local/cargo/bin/cargo"), c(KindCompiler, "go", "/usr/local/go/bin/go"),
				c(KindCompiler, "javac", "/opt/java/openjdk/bin/javac"), c(KindCompiler, "rustc", "/usr/local/cargo/bin/rustc"),
				c(KindInterpreter, "java", "/opt/java/openjdk/bin/java"), c(KindInterpreter, "node", "/usr/local/bin/node"),
				c(KindInterpreter, "python", "/usr/local/bin/python"),
			},
		},
		{
			name: "not commands",
			layers: [][]entry{{
				file("usr/bin/curl"),                      // no execute bit
				symlink("usr/bin/wget", "/nowhere"),       // dangling
				symlink("usr/bin/bash", "/usr/share"),     // a directory
				dir("usr/share"),                          //
				symlink("bin/sh", "sh"),                   // a loop
				exe("usr/share/bash-completion/bash"),     // not a bin directory
				exe("usr/bin/x/curl"),                     // below a bin directory
				exe("app/bin/python"),                     // not on the default PATH
				exe("usr/bin/python3-config"),             // another tool
				exe("usr/bin/shellcheck"),                 // another tool
				{path: "usr/bin/nc", typ: facts.TypeFIFO}, // not a file
			}},
			want: nil,
		},
		{
			name: "deleted by a later layer",
			layers: [][]entry{
				{exe("usr/bin/curl"), exe("usr/bin/gcc"), exe("bin/sh")},
				{whiteout("usr/bin/curl"), whiteout("usr/bin/gcc")},
			},
			want: []report.Component{c(KindShell, "sh", "/bin/sh")},
		},
		{
			name:   "empty",
			layers: nil,
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Find(newFS(tt.layers...))); diff != "" {
				t.Errorf("Find (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindNil(t *testing.T) {
	if got := Find(nil); got != nil {
		t.Errorf("Find(nil) = %v", got)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name, tool, kind string
	}{
		{"sh", "sh", KindShell},
		{"busybox", "busybox", KindShell},
		{"apt-get", "apt-get", KindPackageManager},
		{"pip3", "pip", KindPackageManager},
		{"pip3.11", "pip", KindPackageManager},
		{"gcc-12", "gcc", KindCompiler},
		{"g++-13", "g++", KindCompiler},
		{"clang++-18", "clang++", KindCompiler},
		{"python2.7", "python", KindInterpreter},
		{"php8.2", "php", KindInterpreter},
		{"perl5.36.0", "perl", KindInterpreter},
		{"lua5.4", "lua", KindInterpreter},
		{"nodejs", "node", KindInterpreter},
		{"nc.traditional", "nc", KindNetworkTool},
		{"sshd", "sshd", KindNetworkTool},
		{"python-", "", ""},
		{"python.", "", ""},
		{"python3-config", "", ""},
		{"sh5", "", ""},
		{"curl7", "", ""},
		{"gccgo", "", ""},
		{"x86_64-linux-gnu-gcc-12", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.name), func(t *testing.T) {
			tool, kind, ok := lookup(tt.name)
			if ok != (tt.tool != "") || tool != tt.tool || kind != tt.kind {
				t.Errorf("lookup(%q) = %q, %q, %v; want %q, %q", tt.name, tool, kind, ok, tt.tool, tt.kind)
			}
		})
	}
}

func TestBinDir(t *testing.T) {
	tests := []struct {
		dir  string
		want bool
	}{
		{"bin/", true}, {"sbin/", true}, {"usr/bin/", true}, {"usr/sbin/", true},
		{"usr/local/bin/", true}, {"usr/local/sbin/", true},
		{"usr/local/go/bin/", true}, {"opt/java/openjdk/bin/", true}, {"opt/tool/bin/", true},
		{"", false}, {"usr/", false}, {"usr/lib/", false}, {"app/bin/", false}, {"home/user/bin/", false},
		{"usr/local/a/b/bin/", false}, {"opt/a/b/c/bin/", false}, {"opt/bin/", false},
	}
	for _, tt := range tests {
		if got := binDir(tt.dir); got != tt.want {
			t.Errorf("binDir(%q) = %v, want %v", tt.dir, got, tt.want)
		}
	}
}
