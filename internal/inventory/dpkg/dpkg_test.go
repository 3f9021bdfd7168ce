package dpkg

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func file(p string) *facts.Entry { return &facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644} }

func TestLimit(t *testing.T) {
	tests := []struct {
		name string
		e    *facts.Entry
		want int64
	}{
		{"status", file("var/lib/dpkg/status"), maxStatus},
		{"status.d package", file("var/lib/dpkg/status.d/libc6"), maxStatus},
		{"status.d md5sums", file("var/lib/dpkg/status.d/libc6.md5sums"), 0},
		{"status.d nested", file("var/lib/dpkg/status.d/x/libc6"), 0},
		{"backup", file("var/lib/dpkg/status-old"), 0},
		{"elsewhere", file("usr/var/lib/dpkg/status"), 0},
		{"directory", &facts.Entry{Path: "var/lib/dpkg/status", Type: facts.TypeDir}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New().Limit(tt.e); got != tt.want {
				t.Errorf("Limit(%q) = %d, want %d", tt.e.Path, got, tt.want)
			}
		})
	}
}

// TestGolden lists the packages of a status file trimmed from a real
// Debian system.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/status")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := New().Extract(context.Background(), file(statusFile), data)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	got, err := json.MarshalIndent(pkgs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "status.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("packages differ from %s (-want +got):\n%s", golden, diff)
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		data    string
		want    []facts.Package
		wantErr string
	}{
		{
			name: "source with version and epoch",
			path: statusFile,
			data: "Package: bsdutils\nStatus: install ok installed\nArchitecture: amd64\nSource: util-linux (2.38.1-5+deb12u3)\nVersion: 1:2.38.1-5+deb12u3\n",
			want: []facts.Package{{Type: "deb", Name: "bsdutils", Version: "1:2.38.1-5+deb12u3", Source: "util-linux", SourceVersion: "2.38.1-5+deb12u3", Arch: "amd64"}},
		},
		{
			name: "source without version takes the binary version",
			path: statusFile,
			data: "Package: apache2-utils\nStatus: install ok installed\nSource: apache2\nVersion: 2.4.71-1~deb12u1\n",
			want: []facts.Package{{Type: "deb", Name: "apache2-utils", Version: "2.4.71-1~deb12u1", Source: "apache2", SourceVersion: "2.4.71-1~deb12u1"}},
		},
		{
			name: "CRLF, continuation lines, lower-case field names",
			path: statusFile,
			data: "package: a\r\nstatus: install ok installed\r\nDescription: x\r\n more\r\n .\r\nversion: 1.0\r\n\r\n\r\nPackage: b\r\nStatus: hold ok installed\r\nVersion: 2\r\n",
			want: []facts.Package{{Type: "deb", Name: "a", Version: "1.0"}, {Type: "deb", Name: "b", Version: "2"}},
		},
		{
			name: "removed and purged packages are not listed",
			path: statusFile,
			data: "Package: a\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: b\nStatus: purge ok not-installed\n\nPackage: c\nStatus: install ok half-configured\nVersion: 3\n\nPackage: d\nVersion: 4\n",
			want: []facts.Package{{Type: "deb", Name: "c", Version: "3"}},
		},
		{
			name: "status.d entry has no Status",
			path: "var/lib/dpkg/status.d/base-files",
			data: "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n",
			want: []facts.Package{{Type: "deb", Name: "base-files", Version: "12.4+deb12u5", Arch: "amd64"}},
		},
		{
			name:    "stanza without a version is reported, the others listed",
			path:    statusFile,
			data:    "Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: install ok installed\nVersion: 2\n",
			want:    []facts.Package{{Type: "deb", Name: "b", Version: "2"}},
			wantErr: "stanza at line 1: no Package or Version",
		},
		{
			name:    "garbage line stops the parse",
			path:    statusFile,
			data:    "Package: a\nStatus: install ok installed\nVersion: 1\n\nnot a field\n",
			want:    []facts.Package{{Type: "deb", Name: "a", Version: "1"}},
			wantErr: `line 5: "not a field" is neither a field nor a continuation`,
		},
		{
			name:    "oversized value",
			path:    statusFile,
			data:    "Package: " + strings.Repeat("a", maxValue+1) + "\n",
			wantErr: "line 1: field Package longer than 1024 bytes",
		},
		{name: "empty", path: statusFile, data: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), file(tt.path), []byte(tt.data))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("packages (-want +got):\n%s", diff)
			}
			if tt.wantErr == "" && err != nil {
				t.Errorf("error %v, want none", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestSource(t *testing.T) {
	tests := []struct{ field, wantName, wantVersion string }{
		{"glibc", "glibc", "9"},
		{"glibc (2.36-9+deb12u4)", "glibc", "2.36-9+deb12u4"},
		{"glibc  ( 2.36 )", "glibc", "2.36"},
		{"glibc (2.36", "glibc", "9"},
		{"glibc ()", "glibc", "9"},
	}
	for _, tt := range tests {
		name, version := source(tt.field, "9")
		if name != tt.wantName || version != tt.wantVersion {
			t.Errorf("source(%q) = %q, %q, want %q, %q", tt.field, name, version, tt.wantName, tt.wantVersion)
		}
	}
}

func TestStanzaLimits(t *testing.T) {
	long := "Package: a\nDescription: " + strings.Repeat("x", maxLine) + "\n"
	if err := parseStanzas([]byte(long), func(stanza) error { return nil }); err == nil || !strings.Contains(err.Error(), "line 2: longer than") {
		t.Errorf("long line: error %v", err)
	}
	many := strings.Repeat("Package: a\n\n", maxStanzas+1)
	n := 0
	err := parseStanzas([]byte(many), func(stanza) error { n++; return nil })
	if err == nil || n != maxStanzas {
		t.Errorf("too many stanzas: read %d, error %v", n, err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, file(statusFile), []byte("Package: a\nVersion: 1\n")); err == nil {
		t.Error("Extract with a cancelled context: no error")
	}
}
