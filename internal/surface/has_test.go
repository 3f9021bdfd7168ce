package surface

import "testing"

func TestHas(t *testing.T) {
	tests := []struct {
		name   string
		layers [][]entry
		kind   string
		want   bool
	}{
		{"shell", [][]entry{{exe("bin/sh")}}, KindShell, true},
		{"busybox is a shell", [][]entry{{exe("bin/busybox")}}, KindShell, true},
		{"shell through merged usr", [][]entry{{symlink("bin", "usr/bin"), exe("usr/bin/bash")}}, KindShell, true},
		{"package manager", [][]entry{{exe("usr/bin/apt-get")}}, KindPackageManager, true},
		{"versioned pip", [][]entry{{exe("usr/local/bin/pip3")}}, KindPackageManager, true},
		{"busybox hard link", [][]entry{{exe("bin/["), hardlink("bin/sh", "bin/[")}}, KindShell, true},
		{"no execute bit", [][]entry{{file("bin/sh")}}, KindShell, false},
		{"dangling link", [][]entry{{symlink("bin/sh", "/bin/busybox")}}, KindShell, false},
		{"deleted", [][]entry{{exe("bin/sh")}, {whiteout("bin/sh")}}, KindShell, false},
		{"other kind only", [][]entry{{exe("usr/bin/curl")}}, KindShell, false},
		{"outside the standard directories", [][]entry{{exe("busybox/sh")}}, KindShell, false},
		{"empty", nil, KindPackageManager, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Has(newFS(tt.layers...), tt.kind); got != tt.want {
				t.Errorf("Has(%s) = %v, want %v", tt.kind, got, tt.want)
			}
		})
	}
	if Has(nil, KindShell) {
		t.Error("Has(nil) = true")
	}
}

// TestHasAgreesWithFind checks that Has finds what Find lists for the plain
// names in the standard directories.
func TestHasAgreesWithFind(t *testing.T) {
	for name, kind := range tools {
		for dir := range binDirs {
			fs := newFS([]entry{exe(dir + name)})
			if !Has(fs, kind) {
				t.Errorf("Has(%s) misses %s%s", kind, dir, name)
			}
			if got := Find(fs); len(got) != 1 || got[0].Kind != kind {
				t.Errorf("Find misses %s%s: %v", dir, name, got)
			}
		}
	}
}
