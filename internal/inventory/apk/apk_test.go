package apk

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func file(p string) *facts.Entry { return &facts.Entry{Path: p, Type: facts.TypeFile, Mode: 0o644} }

func TestLimit(t *testing.T) {
	tests := []struct {
		name string
		e    *facts.Entry
		want int64
	}{
		{"installed", file("lib/apk/db/installed"), maxInstalled},
		{"lock", file("lib/apk/db/lock"), 0},
		{"elsewhere", file("usr/lib/apk/db/installed"), 0},
		{"directory", &facts.Entry{Path: "lib/apk/db/installed", Type: facts.TypeDir}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := New().Limit(tt.e); got != tt.want {
				t.Errorf("Limit(%q) = %d, want %d", tt.e.Path, got, tt.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    []facts.Package
		wantErr string
	}{
		{
			name: "fields, file lists skipped",
			data: "C:Q1abc=\nP:libssl1.1\nV:1.1.1d-r2\nA:x86_64\nL:OpenSSL\no:openssl\nF:lib\nR:libssl.so.1.1\nZ:Q1def=\n\n",
			want: []facts.Package{{Type: "apk", Name: "libssl1.1", Version: "1.1.1d-r2", Source: "openssl", SourceVersion: "1.1.1d-r2", Arch: "x86_64", Licenses: []string{"OpenSSL"}}},
		},
		{
			name: "CRLF, no final blank line, no origin",
			data: "P:a\r\nV:1-r0\r\n\r\n\r\nP:b\r\nV:2-r1\r\nL:MPL-2.0 GPL-2.0-or-later",
			want: []facts.Package{{Type: "apk", Name: "a", Version: "1-r0"}, {Type: "apk", Name: "b", Version: "2-r1", Licenses: []string{"MPL-2.0 GPL-2.0-or-later"}}},
		},
		{
			name:    "block without a version is reported, the others listed",
			data:    "P:a\n\nP:b\nV:2\n",
			want:    []facts.Package{{Type: "apk", Name: "b", Version: "2"}},
			wantErr: "package at line 1: no P: name or V: version",
		},
		{
			name:    "malformed line ends the read",
			data:    "P:a\nV:1\n\nPackage: b\n",
			want:    []facts.Package{{Type: "apk", Name: "a", Version: "1"}},
			wantErr: `line 4: "Package: b" is not a K:value field`,
		},
		{
			name:    "oversized value",
			data:    "P:" + strings.Repeat("a", maxValue+1) + "\n",
			wantErr: "line 1: field P: longer than 4096 bytes",
		},
		{
			name:    "oversized line",
			data:    "P:a\nV:1\n\nF:" + strings.Repeat("a", maxLine) + "\n",
			want:    []facts.Package{{Type: "apk", Name: "a", Version: "1"}},
			wantErr: "line 4: longer than",
		},
		{name: "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), file(installedFile), []byte(tt.data))
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

func TestTooManyPackages(t *testing.T) {
	data := strings.Repeat("P:a\nV:1\n\n", maxPackages+1)
	pkgs, err := packages([]byte(data))
	if len(pkgs) != maxPackages || err == nil {
		t.Errorf("read %d packages, error %v; want %d and an error", len(pkgs), err, maxPackages)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, file(installedFile), []byte("P:a\nV:1\n")); err == nil {
		t.Error("Extract with a cancelled context: no error")
	}
}
