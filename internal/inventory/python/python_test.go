package python

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/customs-oss/customs/internal/facts"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIsMetadata(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"usr/local/lib/python3.11/site-packages/attrs-26.1.0.dist-info/METADATA", true},
		{"usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO", true},
		{"usr/lib/python2.7/dist-packages/dbus_python-1.2.0.egg-info", true},
		{"opt/venv/lib/python3.9/site-packages/setuptools-58.1.0-py3.9.egg/EGG-INFO/PKG-INFO", true},
		{"usr/local/lib/python3.11/site-packages/attrs-26.1.0.dist-info/RECORD", false},
		{"usr/local/lib/python3.11/site-packages/attrs/METADATA", false},
		{"src/PKG-INFO", false},
		{"METADATA", false},
	}
	for _, tt := range tests {
		if got := isMetadata(tt.path); got != tt.want {
			t.Errorf("isMetadata(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		want    []facts.Package
		wantErr bool
	}{
		{
			name: "wheel metadata 2.4 with an SPDX expression",
			data: string(readFile(t, "attrs.METADATA")),
			want: []facts.Package{{Type: "pypi", Name: "attrs", Version: "26.1.0", Licenses: []string{"MIT"}}},
		},
		{
			name: "licence text in License: the classifier names it",
			data: string(readFile(t, "traitlets.METADATA")),
			want: []facts.Package{{Type: "pypi", Name: "traitlets", Version: "5.15.0", Licenses: []string{"BSD License"}}},
		},
		{
			name: "Debian egg-info",
			data: string(readFile(t, "PyJWT.PKG-INFO")),
			want: []facts.Package{{Type: "pypi", Name: "PyJWT", Version: "2.6.0", Licenses: []string{"MIT"}}},
		},
		{
			name: "distutils single-file egg-info, CRLF",
			data: "Metadata-Version: 1.1\r\nName: dbus-python\r\nVersion: 1.2.16\r\nSummary: Python bindings for libdbus\r\nLicense: UNKNOWN\r\nPlatform: UNKNOWN\r\n\r\nLicense: not a header\r\n",
			want: []facts.Package{{Type: "pypi", Name: "dbus-python", Version: "1.2.16"}},
		},
		{
			name: "licence text and no classifier: its first line",
			data: "Name: x\nVersion: 1.0.post1\nLicense: Apache License\n        Version 2.0, January 2004\n\n",
			want: []facts.Package{{Type: "pypi", Name: "x", Version: "1.0.post1", Licenses: []string{"Apache License"}}},
		},
		{
			name: "classifiers only",
			data: "Name: zope.interface\nVersion: 5.4.0\nClassifier: License :: OSI Approved :: Zope Public License\nClassifier: License :: OSI Approved\nClassifier: License :: Public Domain\nClassifier: License ::\n",
			want: []facts.Package{{Type: "pypi", Name: "zope.interface", Version: "5.4.0", Licenses: []string{"Zope Public License", "Public Domain"}}},
		},
		{
			name:    "no version",
			data:    "Metadata-Version: 2.1\nName: x\n",
			wantErr: true,
		},
		{
			name:    "version only in the description",
			data:    "Name: x\n\nVersion: 1.0\n",
			wantErr: true,
		},
	}
	e := &facts.Entry{Path: "x.dist-info/METADATA"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New().Extract(context.Background(), e, []byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Extract error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzMetadata checks that no metadata file makes the reader panic, and
// that whatever it lists has a name and a version.
func FuzzMetadata(f *testing.F) {
	for _, name := range []string{"attrs.METADATA", "traitlets.METADATA", "PyJWT.PKG-INFO"} {
		f.Add(readFile(f, name))
	}
	f.Add([]byte("Name: x\nVersion: 1\nClassifier: License ::\nClassifier: License :: ::\nLicense:\n \n"))
	e := &facts.Entry{Path: "x.egg-info"}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := New().Extract(context.Background(), e, data)
		if err == nil && len(pkgs) != 1 {
			t.Fatalf("listed %d packages without an error", len(pkgs))
		}
		for _, p := range pkgs {
			if p.Name == "" || p.Version == "" || len(p.Licenses) > maxLicenses {
				t.Fatalf("listed %+v", p)
			}
		}
	})
}

func BenchmarkMetadata(b *testing.B) {
	data := readFile(b, "traitlets.METADATA")
	e := &facts.Entry{Path: "x.dist-info/METADATA"}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Extract(context.Background(), e, data); err != nil {
			b.Fatal(err)
		}
	}
}
