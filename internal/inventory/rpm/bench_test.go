package rpm

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract reads the real database of each format in testdata.
func BenchmarkExtract(b *testing.B) {
	for _, tt := range databaseCases {
		b.Run(tt.name, func(b *testing.B) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New().Extract(context.Background(), file(tt.path), data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCentOS7 reads a Berkeley DB of a CentOS 7 system with many
// packages from go-rpmdb's module, when it is in the module cache.
func BenchmarkCentOS7(b *testing.B) {
	dir := rpmdbTestdata(b)
	data, err := os.ReadFile(filepath.Join(dir, "centos7-many", "Packages"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New().Extract(context.Background(), file("var/lib/rpm/Packages"), data); err != nil {
			b.Fatal(err)
		}
	}
}
