package rpm

import (
	"strings"
	"testing"
)

func TestSourceRPM(t *testing.T) {
	tests := []struct {
		file, name, vr string
		ok             bool
	}{
		{"util-linux-2.32.1-42.el8_8.src.rpm", "util-linux", "2.32.1-42.el8_8", true},
		{"openssl-1.1.1l-2.fc35.src.rpm", "openssl", "1.1.1l-2.fc35", true},
		{"kernel-5.14.0-70.13.1.el9_0.nosrc.rpm", "kernel", "5.14.0-70.13.1.el9_0", true},
		{"a-1-2.src.rpm", "a", "1-2", true},
		{"", "", "", false},
		{"(none)", "", "", false},
		{"glibc-2.31-9.3.2.x86_64.rpm", "", "", false},
		{"glibc-2.31.src.rpm", "", "", false},
		{"-1-2.src.rpm", "", "", false},
		{"a--2.src.rpm", "", "", false},
		{"a-1-.src.rpm", "", "", false},
	}
	for _, tt := range tests {
		name, vr, ok := sourceRPM(tt.file)
		if name != tt.name || vr != tt.vr || ok != tt.ok {
			t.Errorf("sourceRPM(%q) = %q, %q, %v, want %q, %q, %v", tt.file, name, vr, ok, tt.name, tt.vr, tt.ok)
		}
	}
}

// FuzzSourceRPM checks that a parsed source package name puts its parts
// back together into the file name.
func FuzzSourceRPM(f *testing.F) {
	for _, s := range []string{"util-linux-2.32.1-42.el8_8.src.rpm", "a-1-2.nosrc.rpm", "x.src.rpm", "--.src.rpm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, file string) {
		name, vr, ok := sourceRPM(file)
		if !ok {
			return
		}
		if name == "" || strings.Count(vr, "-") < 1 || strings.HasPrefix(vr, "-") || strings.HasSuffix(vr, "-") {
			t.Fatalf("sourceRPM(%q) = %q, %q", file, name, vr)
		}
		if got := name + "-" + vr; got+".src.rpm" != file && got+".nosrc.rpm" != file {
			t.Fatalf("sourceRPM(%q) = %q, %q: does not rebuild the name", file, name, vr)
		}
	})
}
